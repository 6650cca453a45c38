// All message files, one per namespace and locale. Adding a namespace: create
// messages/en/<ns>.json and messages/es/<ns>.json and list both here.
import type { Locale } from "./locales";
import type { Messages } from "./translate";

import enCommon from "./messages/en/common.json";
import esCommon from "./messages/es/common.json";
import enErrors from "./messages/en/errors.json";
import esErrors from "./messages/es/errors.json";
import enAuth from "./messages/en/auth.json";
import esAuth from "./messages/es/auth.json";
import enArea from "./messages/en/area.json";
import esArea from "./messages/es/area.json";

export const catalog: Record<Locale, Record<string, Messages>> = {
  en: { common: enCommon, errors: enErrors, auth: enAuth, area: enArea },
  es: { common: esCommon, errors: esErrors, auth: esAuth, area: esArea },
};

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}
