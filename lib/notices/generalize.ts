// The area a recipient sees. EXACT passes the operation's area through; GENERALIZED replaces it
// with a coarser one that covers it, built only from points on a 0.01° grid (about 1 km) and a
// radius rounded up to 500 m, so no exact coordinate of the operation ever leaves the server.
import { areaBBox, expandBBox } from "../deconfliction/bbox";
import { geodesicDistance } from "../deconfliction/geodesic";
import type { Area, LonLat } from "../deconfliction/types";

export const GRID_DEG = 0.01;
export const RADIUS_STEP_M = 500;
export const MIN_GENERALIZED_RADIUS_M = 1_000;
/** Horizontal edges are cut at this length so their geodesic bulge stays far inside the margin. */
const EDGE_STEP_DEG = 0.1;
const MARGIN_M = 600;

const onGrid = (v: number) => Number((Math.round(v / GRID_DEG) * GRID_DEG).toFixed(2));
const down = (v: number) => Number((Math.floor(v / GRID_DEG) * GRID_DEG).toFixed(2));
const up = (v: number) => Number((Math.ceil(v / GRID_DEG) * GRID_DEG).toFixed(2));

export function generalizeArea(area: Area, precision: "EXACT" | "GENERALIZED"): Area {
  if (precision === "EXACT") return area;
  if (area.kind === "CIRCLE") return coveringCircle([area.center], area.radiusM);
  const box = expandBBox(areaBBox(area), MARGIN_M);
  // Across the antimeridian or round a pole a rectangle cannot be written simply: use a circle.
  if (box.maxLon > 180 || box.maxLon - box.minLon >= 360 || box.minLat <= -89 || box.maxLat >= 89)
    return coveringCircle(verticesOf(area), 0);
  return gridRectangle(down(box.minLon), down(box.minLat), up(box.maxLon), up(box.maxLat));
}

/** A circle around a grid point that holds every given point's surroundings of `radiusM`. */
function coveringCircle(points: LonLat[], radiusM: number): Area {
  const lon = points.reduce((s, p) => s + p[0], 0) / points.length;
  const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
  const center: LonLat = [onGrid(lon), onGrid(lat)];
  const reach = Math.max(...points.map((p) => geodesicDistance(center[0], center[1], p[0], p[1]))) + radiusM;
  const rounded = Math.ceil((reach + 1) / RADIUS_STEP_M) * RADIUS_STEP_M;
  return { kind: "CIRCLE", center, radiusM: Math.max(MIN_GENERALIZED_RADIUS_M, rounded) };
}

function gridRectangle(minLon: number, minLat: number, maxLon: number, maxLat: number): Area {
  const steps = Math.max(1, Math.ceil((maxLon - minLon) / EDGE_STEP_DEG - 1e-9));
  const along = (lat: number, reverse: boolean): LonLat[] => {
    const pts: LonLat[] = [];
    for (let i = 0; i <= steps; i++) pts.push([Number((minLon + ((maxLon - minLon) * i) / steps).toFixed(4)), lat]);
    return reverse ? pts.reverse() : pts;
  };
  // Counter-clockwise, as RFC 7946 asks of an outer ring.
  const ring = [...along(minLat, false), ...along(maxLat, true)];
  ring.push(ring[0]);
  return { kind: "POLYGON", geometry: { type: "Polygon", coordinates: [ring] } };
}

function verticesOf(area: Area): LonLat[] {
  if (area.kind === "CIRCLE") return [area.center];
  const polygons = area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
  return polygons.flatMap((rings) => rings[0].map((p) => [p[0], p[1]] as LonLat));
}
