// The sentence shown beside an area map, and the counties it names for the map's corner label,
// from the gazetteer shipped with the app. The caller passes the area the viewer may see (for a
// generalised notice, the generalised area), so nothing finer is ever described.
import type { Area } from "@/lib/deconfliction/types";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { describeArea, formatAreaDescription, formatCounties } from "./describe-area";
import { log } from "@/lib/log";
import { loadGazetteer } from "./gazetteer";

export type AreaInWords = { text: string; counties: string | null };

/** `t` is bound to the "geo" namespace. */
export function areaInWords(area: Area, t: Translate, locale: Locale): AreaInWords | null {
  let gazetteer;
  try {
    gazetteer = loadGazetteer();
  } catch (err) {
    // Without its data files the page still shows the map; it just cannot say where in words.
    log.warn({ err }, "the gazetteer could not be read");
    return null;
  }
  const d = describeArea(area, gazetteer);
  return {
    text: formatAreaDescription(d, t, locale),
    counties: d.counties.length ? formatCounties(d, t, locale) : null,
  };
}
