// The area editor's working state and how it becomes an area value. Drawing on the map, typing
// coordinates and pasting GeoJSON all edit this one sketch, so all three yield the same value.
import { areaSchema } from "@/lib/validation/area";
import type { Area, AreaGeometry } from "@/lib/deconfliction/types";
import {
  areaBounds,
  circleBounds,
  polygonFromVertices,
  round6,
  simpleVertices,
  type Bounds,
  type LonLat,
} from "./geometry";

export type Shape = "CIRCLE" | "POLYGON";

export type Sketch = {
  shape: Shape;
  lat: string;
  lon: string;
  radius: string;
  vertices: LonLat[];
  drawing: boolean;
  /** A pasted shape with holes or several parts: shown, validated, but not vertex-editable. */
  complex: AreaGeometry | null;
};

export type AreaStatus = "empty" | "incomplete" | "invalid" | "valid";

export type Evaluation = { status: AreaStatus; area: Area | null; candidate: Area | null; issues: string[] };

export const DEFAULT_RADIUS_M = "500";

export function emptySketch(shape: Shape = "POLYGON"): Sketch {
  return { shape, lat: "", lon: "", radius: DEFAULT_RADIUS_M, vertices: [], drawing: false, complex: null };
}

export function sketchFromArea(area: Area | null | undefined): Sketch {
  if (!area) return emptySketch();
  if (area.kind === "CIRCLE") {
    const [lon, lat] = area.center;
    return {
      ...emptySketch("CIRCLE"),
      lat: String(round6(lat)),
      lon: String(round6(lon)),
      radius: String(area.radiusM),
    };
  }
  return withGeometry(emptySketch("POLYGON"), area.geometry);
}

/** Loads a polygon geometry: simple rings become draggable vertices, anything else stays whole. */
export function withGeometry(sketch: Sketch, geometry: AreaGeometry): Sketch {
  const vertices = simpleVertices(geometry);
  return vertices
    ? { ...sketch, shape: "POLYGON", vertices, drawing: false, complex: null }
    : { ...sketch, shape: "POLYGON", vertices: [], drawing: false, complex: geometry };
}

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

function candidateOf(s: Sketch): Area | null {
  if (s.shape === "CIRCLE") {
    if (s.lat.trim() === "" && s.lon.trim() === "") return null;
    return { kind: "CIRCLE", center: [num(s.lon), num(s.lat)], radiusM: num(s.radius) } as Area;
  }
  if (s.complex) return { kind: "POLYGON", geometry: s.complex } as Area;
  if (s.drawing || s.vertices.length < 3) return null;
  return { kind: "POLYGON", geometry: polygonFromVertices(s.vertices) } as Area;
}

export function evaluate(s: Sketch): Evaluation {
  const candidate = candidateOf(s);
  if (!candidate) {
    const started = s.shape === "CIRCLE" ? s.lat.trim() !== "" || s.lon.trim() !== "" : s.vertices.length > 0;
    return { status: started ? "incomplete" : "empty", area: null, candidate: null, issues: [] };
  }
  const parsed = areaSchema.safeParse(candidate);
  if (!parsed.success)
    return {
      status: "invalid",
      area: null,
      candidate,
      issues: [...new Set(parsed.error.issues.map((i) => i.message))],
    };
  return { status: "valid", area: parsed.data as Area, candidate, issues: [] };
}

export function circleOf(s: Sketch): { center: LonLat; radiusM: number } | null {
  const lat = num(s.lat);
  const lon = num(s.lon);
  const radiusM = num(s.radius);
  if (![lat, lon].every(Number.isFinite) || Math.abs(lat) > 90) return null;
  return { center: [lon, lat], radiusM: Number.isFinite(radiusM) && radiusM > 0 ? radiusM : 0 };
}

export function sketchBounds(s: Sketch): Bounds | null {
  if (s.shape === "CIRCLE") {
    const c = circleOf(s);
    return c ? circleBounds(c.center, Math.max(c.radiusM, 200)) : null;
  }
  if (s.complex) return areaBounds({ kind: "POLYGON", geometry: s.complex } as Area);
  if (s.vertices.length === 0) return null;
  return areaBounds({ kind: "POLYGON", geometry: polygonFromVertices(s.vertices) } as Area);
}

/** True when every position is a pair of finite numbers, so the shape can at least be drawn. */
export function isDrawable(geometry: unknown): geometry is AreaGeometry {
  if (!geometry || typeof geometry !== "object") return false;
  const g = geometry as { type?: string; coordinates?: unknown };
  const polygons =
    g.type === "Polygon"
      ? [g.coordinates]
      : g.type === "MultiPolygon" && Array.isArray(g.coordinates)
        ? g.coordinates
        : null;
  if (!polygons || polygons.length === 0) return false;
  return polygons.every(
    (rings) =>
      Array.isArray(rings) &&
      rings.length > 0 &&
      rings.every(
        (ring) =>
          Array.isArray(ring) &&
          ring.length > 0 &&
          ring.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1])),
      ),
  );
}
