// Shapes and operations for the engine's tests and benchmark, built with exact geodesics so a
// "500 m" offset is 500 m on the ellipsoid.
import { geodesicDestination } from "./geodesic";
import type { CircleArea, EngineOperation, LonLat, PolygonArea } from "./types";

export const T0 = Date.UTC(2026, 5, 1, 14, 0);
const MIN = 60_000;

export function op(
  id: string,
  area: CircleArea | PolygonArea,
  o: { start?: number; end?: number; agencyId?: string; riskFlags?: string[] } = {},
): EngineOperation {
  return {
    id,
    agencyId: o.agencyId ?? `agency-${id}`,
    area,
    startsAt: new Date(T0 + (o.start ?? 0) * MIN),
    endsAt: T0 + (o.end ?? 120) * MIN,
    riskFlags: o.riskFlags ?? [],
  };
}

export function circle(center: LonLat, radiusM: number): CircleArea {
  return { kind: "CIRCLE", center, radiusM };
}

/** The point reached by going eastM east (negative: west) then northM north from `from`. */
export function offset(from: LonLat, eastM: number, northM: number): LonLat {
  const [lon, lat] = geodesicDestination(from[0], from[1], eastM >= 0 ? 90 : 270, Math.abs(eastM));
  return geodesicDestination(lon, lat, northM >= 0 ? 0 : 180, Math.abs(northM));
}

/** A closed ring of n vertices around a centre; with `inner`, alternate vertices dip to it (a star). */
export function ring(center: LonLat, radiusM: number, n: number, inner?: number, phaseDeg = 0): LonLat[] {
  const out: LonLat[] = [];
  for (let k = 0; k < n; k++) {
    const r = inner !== undefined && k % 2 === 1 ? inner : radiusM;
    out.push(geodesicDestination(center[0], center[1], phaseDeg + (360 * k) / n, r));
  }
  out.push(out[0]);
  return out;
}

/** An axis-aligned square (in the local east/north sense) of side 2·halfM around a centre. */
export function square(center: LonLat, halfM: number): LonLat[] {
  const c = [
    offset(center, -halfM, -halfM),
    offset(center, halfM, -halfM),
    offset(center, halfM, halfM),
    offset(center, -halfM, halfM),
  ];
  return [...c, c[0]];
}

export function polygon(...rings: LonLat[][]): PolygonArea {
  return { kind: "POLYGON", geometry: { type: "Polygon", coordinates: rings } };
}

export function multiPolygon(...polygons: LonLat[][][]): PolygonArea {
  return { kind: "POLYGON", geometry: { type: "MultiPolygon", coordinates: polygons } };
}
