// A one-line, language-neutral description of where a notice is about, for email and calendar
// text: a centre and a reach. It never says more than the notice's own (possibly generalised) area.
import { areaBBox } from "../deconfliction/bbox";
import { geodesicDistance } from "../deconfliction/geodesic";
import type { Area } from "../deconfliction/types";

export function areaSummary(area: { precision: "EXACT" | "GENERALIZED"; area: Area } | null): string {
  if (!area) return "—";
  const digits = area.precision === "GENERALIZED" ? 2 : 4;
  const [lon, lat, reachM] = centreAndReach(area.area);
  return `${lat.toFixed(digits)}, ${lon.toFixed(digits)} ± ${(reachM / 1000).toFixed(1)} km`;
}

export function pointSummary(where: { lon: number; lat: number } | null): string {
  return where ? `${where.lat.toFixed(3)}, ${where.lon.toFixed(3)}` : "—";
}

function centreAndReach(area: Area): [number, number, number] {
  if (area.kind === "CIRCLE") return [area.center[0], area.center[1], area.radiusM];
  const b = areaBBox(area);
  const lon = (b.minLon + b.maxLon) / 2;
  const lat = (b.minLat + b.maxLat) / 2;
  return [lon > 180 ? lon - 360 : lon, lat, geodesicDistance(lon, lat, b.maxLon, b.maxLat)];
}
