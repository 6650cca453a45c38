// CAP's area geometry: WGS 84 "lat,lon" pairs. A circle is "lat,lon radiusKm"; a polygon is a
// closed ring of at least four pairs. CAP has no holes, so only each polygon's outer shell is
// sent: the described area can only grow, never hide part of the operation.
export type Position = [lon: number, lat: number];

export type CapGeometry =
  | { kind: "CIRCLE"; centerLat: number; centerLon: number; radiusM: number }
  | {
      kind: "POLYGON";
      geometry: { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };
    };

export class CapInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CapInputError";
  }
}

/** Up to six decimals (about 0.1 m), without trailing zeros. */
function num(n: number): string {
  return Number(n.toFixed(6)).toString();
}

function checkPosition(lat: number, lon: number): void {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    throw new CapInputError(`Position out of WGS 84 range: ${lat},${lon}`);
  }
}

export function capCircle(centerLat: number, centerLon: number, radiusM: number): string {
  checkPosition(centerLat, centerLon);
  if (!Number.isFinite(radiusM) || radiusM < 0) throw new CapInputError(`Invalid radius: ${radiusM}`);
  return `${num(centerLat)},${num(centerLon)} ${num(radiusM / 1000)}`;
}

/** One GeoJSON ring ([lon, lat] positions) as a closed CAP polygon of at least four pairs. */
export function capPolygon(ring: Position[]): string {
  const points = ring.map(([lon, lat]) => {
    checkPosition(lat, lon);
    return `${num(lat)},${num(lon)}`;
  });
  // Consecutive repeats add nothing; drop them so the distinct-point count is honest.
  const deduped = points.filter((p, i) => i === 0 || p !== points[i - 1]);
  if (deduped.length > 1 && deduped[deduped.length - 1] === deduped[0]) deduped.pop();
  if (new Set(deduped).size < 3) throw new CapInputError("A polygon needs at least three distinct positions");
  return [...deduped, deduped[0]].join(" ");
}

export function geometryToCap(geometry: CapGeometry): { polygons: string[]; circles: string[] } {
  if (geometry.kind === "CIRCLE")
    return { polygons: [], circles: [capCircle(geometry.centerLat, geometry.centerLon, geometry.radiusM)] };
  const shells =
    geometry.geometry.type === "Polygon"
      ? [geometry.geometry.coordinates[0]]
      : geometry.geometry.coordinates.map((p) => p[0]);
  if (shells.length === 0 || shells.some((s) => !s)) throw new CapInputError("A polygon area needs at least one ring");
  return { polygons: shells.map(capPolygon), circles: [] };
}
