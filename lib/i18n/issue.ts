// Validation messages are i18n keys, so one zod schema serves the form, the server action
// and the API in any language. Params travel inside the message string: "ns.key::{json}".
import type { Params, Translate } from "./translate";

const SEP = "::";

export function msg(key: string, params?: Params): string {
  return params ? `${key}${SEP}${JSON.stringify(params)}` : key;
}

export function parseMsg(message: string): { key: string; params?: Params } {
  const at = message.indexOf(SEP);
  if (at < 0) return { key: message };
  try {
    return { key: message.slice(0, at), params: JSON.parse(message.slice(at + SEP.length)) as Params };
  } catch {
    return { key: message.slice(0, at) };
  }
}

/** Renders a validation message; `t` must be a translator without a namespace. */
export function translateIssue(t: Translate, message: string): string {
  const { key, params } = parseMsg(message);
  return key.includes(".") ? t(key, params) : t(`errors.${key}`, params);
}
