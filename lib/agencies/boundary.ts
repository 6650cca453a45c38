// Jurisdiction boundaries: GeoJSON MultiPolygons in longitude/latitude, and the bounding box
// stored beside each so the database can narrow candidates without a spatial extension.
import { Prisma } from "../db/generated/client";
import type { MultiPolygon } from "../validation/agency";

export type Bbox = { bboxMinLon: number; bboxMinLat: number; bboxMaxLon: number; bboxMaxLat: number };

export function multiPolygonBbox(boundary: MultiPolygon): Bbox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of boundary.coordinates) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  if (!Number.isFinite(minLon)) throw new Error("A boundary needs at least one position");
  return { bboxMinLon: minLon, bboxMinLat: minLat, bboxMaxLon: maxLon, bboxMaxLat: maxLat };
}

/** The boundary and bbox columns for a write: all null when the agency has no mapped jurisdiction. */
export function boundaryColumns(boundary: MultiPolygon | null | undefined) {
  if (!boundary)
    return { boundary: Prisma.DbNull, bboxMinLon: null, bboxMinLat: null, bboxMaxLon: null, bboxMaxLat: null };
  return { boundary, ...multiPolygonBbox(boundary) };
}

/** Reads a stored boundary back, tolerating rows written before validation existed. */
export function asMultiPolygon(value: unknown): MultiPolygon | null {
  if (!value || typeof value !== "object") return null;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === "MultiPolygon" && Array.isArray(g.coordinates)) return g as MultiPolygon;
  if (g.type === "Polygon" && Array.isArray(g.coordinates))
    return { type: "MultiPolygon", coordinates: [g.coordinates as [number, number][][]] };
  return null;
}
