// Plain helpers between the stored area value ([lon, lat], GeoJSON) and what the map and the
// coordinate inputs work with ([lat, lng], text). No React, no Leaflet: safe on the server too.
import type { Area, AreaGeometry } from "@/lib/deconfliction/types";
import { msg } from "@/lib/i18n/issue";

export type LonLat = [number, number];
export type LatLng = [number, number];
export type Bounds = [LatLng, LatLng];

export const US_BOUNDS: Bounds = [
  [24.4, -125],
  [49.5, -66.9],
];

/** Makes consecutive longitudes continuous so a ring crossing the antimeridian draws as one piece. */
export function unwrapLons(points: LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const [lon, lat] of points) {
    const prev = out[out.length - 1];
    let l = lon;
    if (prev) {
      while (l - prev[0] > 180) l -= 360;
      while (l - prev[0] < -180) l += 360;
    }
    out.push([l, lat]);
  }
  return out;
}

export const wrapLon = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

const toLatLng = ([lon, lat]: LonLat): LatLng => [lat, lon];

/** Polygons as Leaflet wants them: a list of polygons, each a list of rings of [lat, lng]. */
export function geometryToLatLngs(geometry: AreaGeometry): LatLng[][][] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map((ring) => unwrapLons(ring as LonLat[]).map(toLatLng)));
}

const M_PER_DEG_LAT = 111_320;

export function circleBounds(center: LonLat, radiusM: number): Bounds {
  const [lon, lat] = center;
  const dLat = radiusM / M_PER_DEG_LAT;
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const dLon = Math.min(radiusM / (M_PER_DEG_LAT * cos), 180);
  return [
    [Math.max(lat - dLat, -85), lon - dLon],
    [Math.min(lat + dLat, 85), lon + dLon],
  ];
}

export function pointsBounds(points: LatLng[]): Bounds | null {
  if (points.length === 0) return null;
  let [s, w] = points[0];
  let [n, e] = points[0];
  for (const [lat, lng] of points) {
    s = Math.min(s, lat);
    n = Math.max(n, lat);
    w = Math.min(w, lng);
    e = Math.max(e, lng);
  }
  return [
    [s, w],
    [n, e],
  ];
}

export function areaBounds(area: Area): Bounds | null {
  if (area.kind === "CIRCLE") return circleBounds(area.center as LonLat, area.radiusM);
  return pointsBounds(geometryToLatLngs(area.geometry).flat(2));
}

/** A single closed ring from the vertices a person placed (the first point repeated at the end). */
export function polygonFromVertices(vertices: LonLat[]): AreaGeometry {
  return { type: "Polygon", coordinates: [[...vertices, vertices[0]]] };
}

/** The editable vertices of a one-ring polygon, or null for shapes with holes or several parts. */
export function simpleVertices(geometry: AreaGeometry): LonLat[] | null {
  if (geometry.type !== "Polygon" || geometry.coordinates.length !== 1) return null;
  const ring = geometry.coordinates[0] as LonLat[];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && last[0] === ring[0][0] && last[1] === ring[0][1];
  return closed ? ring.slice(0, -1) : [...ring];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** "lat, lon" (or "lat lon") per line, as people read coordinates aloud. */
export function parseVertexList(text: string): ParseResult<LonLat[]> {
  const vertices: LonLat[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const parts = line.split(/[\s,;]+/).filter(Boolean);
    const nums = parts.map(Number);
    if (parts.length !== 2 || nums.some((n) => !Number.isFinite(n))) {
      return { ok: false, message: msg("operations.area.vertexLine", { line: i + 1 }) };
    }
    vertices.push([nums[1], nums[0]]);
  }
  if (vertices.length === 0) return { ok: false, message: msg("operations.area.noVertices") };
  const first = vertices[0];
  const last = vertices[vertices.length - 1];
  if (vertices.length > 1 && first[0] === last[0] && first[1] === last[1]) vertices.pop();
  return { ok: true, value: vertices };
}

export function formatVertexList(vertices: LonLat[]): string {
  return vertices.map(([lon, lat]) => `${round6(lat)}, ${round6(lon)}`).join("\n");
}

export const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The Polygon or MultiPolygon inside pasted GeoJSON text (bare, in a Feature or a one-feature collection), unchecked. */
export function geometryInText(text: string): unknown {
  let node: unknown;
  try {
    node = JSON.parse(text);
  } catch {
    return null;
  }
  const n = node as { type?: unknown; geometry?: unknown; features?: unknown[] } | null;
  if (n?.type === "FeatureCollection" && Array.isArray(n.features) && n.features.length === 1) node = n.features[0];
  const f = node as { type?: unknown; geometry?: unknown } | null;
  return f?.type === "Feature" ? f.geometry : node;
}

/** A lon/lat box (as stored) as Leaflet bounds. */
export function boxToBounds(
  b: { minLon: number; minLat: number; maxLon: number; maxLat: number } | null,
): Bounds | null {
  return b
    ? [
        [b.minLat, b.minLon],
        [b.maxLat, b.maxLon],
      ]
    : null;
}
