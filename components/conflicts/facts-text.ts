// Words for a conflict's facts, shared by server pages and the client preview. `t` is bound to "conflicts".
import type { Translate } from "@/lib/i18n/translate";

export type Severity = "HIGH" | "MEDIUM" | "LOW";

/**
 * "The areas overlap", "Your area lies inside theirs", or "1.2 km apart". Containment comes either
 * from the viewer's side (OWN_CONTAINS_OTHER) or from a dry run, where A is the area being checked.
 */
export function distanceText(t: Translate, minDistanceM: number, areasIntersect: boolean, containment: string): string {
  if (containment === "OWN_CONTAINS_OTHER" || containment === "A_CONTAINS_B")
    return t("containment.OWN_CONTAINS_OTHER");
  if (containment === "OTHER_CONTAINS_OWN" || containment === "B_CONTAINS_A")
    return t("containment.OTHER_CONTAINS_OWN");
  if (areasIntersect) return t("facts.intersect");
  if (minDistanceM < 1000) return t("facts.apartM", { m: Math.round(minDistanceM) });
  return t("facts.apartKm", { km: (Math.round(minDistanceM / 100) / 10).toFixed(1) });
}

/** The overlap of the two windows, or how close they come when only the time buffer joins them. */
export function overlapText(
  t: Translate,
  c: { overlapMinutes: number; overlapStart: Date | string | null; overlapEnd: Date | string | null },
  fmt: (d: Date | string) => string,
): string {
  if (c.overlapStart && c.overlapEnd) {
    return t("facts.overlapWindow", {
      start: fmt(c.overlapStart),
      end: fmt(c.overlapEnd),
      minutes: Math.round(c.overlapMinutes),
    });
  }
  return t("facts.withinBuffer", { minutes: Math.round(Math.abs(c.overlapMinutes)) });
}

/** Roughly where the areas meet (already generalised to about 100 m by the engine). */
export function whereText(t: Translate, where: { lon: number; lat: number } | null): string | null {
  if (!where) return null;
  return t("facts.near", { lat: where.lat.toFixed(3), lon: where.lon.toFixed(3) });
}
