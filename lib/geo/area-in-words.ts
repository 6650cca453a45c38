// The sentence shown beside an area map, and the counties it names for the map's corner label,
// from the gazetteer shipped with the app. The caller passes the area the viewer may see (for a
// generalised notice, the generalised area), so nothing finer is ever described.
import type { Area } from "@/lib/deconfliction/types";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { describeArea, formatAreaDescription, formatCounties, type AreaDescription } from "./describe-area";
import { log } from "@/lib/log";
import { loadGazetteer } from "./gazetteer";

export type AreaInWords = { text: string; counties: string | null };

// Describing an area tests points of it against every county and measures it against every place:
// pure, and the same areas are shown again and again (a notice, its list, every refresh), so the
// descriptions of recently shown areas are kept, the least recently used dropped first.
const MAX_DESCRIPTIONS = 2_000;
const descriptions = new Map<string, AreaDescription>();

function areaKey(area: Area): string {
  return area.kind === "CIRCLE"
    ? `C ${area.center[0]} ${area.center[1]} ${area.radiusM}`
    : `${area.geometry.type} ${JSON.stringify(area.geometry.coordinates)}`;
}

function describeRemembered(area: Area, gazetteer: ReturnType<typeof loadGazetteer>): AreaDescription {
  const key = areaKey(area);
  let d = descriptions.get(key);
  if (d) descriptions.delete(key);
  else d = describeArea(area, gazetteer);
  descriptions.set(key, d);
  if (descriptions.size > MAX_DESCRIPTIONS) descriptions.delete(descriptions.keys().next().value as string);
  return d;
}

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
  const d = describeRemembered(area, gazetteer);
  return {
    text: formatAreaDescription(d, t, locale),
    counties: d.counties.length ? formatCounties(d, t, locale) : null,
  };
}
