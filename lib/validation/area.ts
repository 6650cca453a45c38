// Operation areas: a circle or a GeoJSON (Multi)Polygon. One schema for the map form in the
// browser and for the server; nothing here imports server code.
//
// Error contract. Every issue is a zod "custom" issue whose `message` is an i18n message in the
// project's format, `msg("area.<key>", params)` (render it with translateIssue from
// lib/i18n/issue), and whose `params` holds the same values for code that wants them. Locations
// in params are 1-based for people: `polygon` (1 for a plain Polygon), `ring` (1 = the outer
// boundary, 2… = holes), `vertex`, and `edge` k running from vertex k to the next vertex. The
// issue's `path` points at the offending value inside the input, 0-based (e.g.
// ["geometry", "coordinates", 0, 3] for vertex 4 of ring 1), except inside a JSON string.
//
// Edges are geodesics on the WGS84 ellipsoid (the engine's reading); a ring may cross the
// antimeridian (consecutive longitudes are joined the short way) and may circle a pole.
import { z } from "zod";
import { checkPolygonRings, type RingProblem } from "../deconfliction/ring-checks";
import type { Area as EngineArea, AreaGeometry as EngineGeometry } from "../deconfliction/types";
import { msg } from "../i18n/issue";
import type { Params } from "../i18n/translate";

export const MAX_AREA_VERTICES = 1_000;
export const MAX_CIRCLE_RADIUS_M = 50_000;
/** Every point of a polygon must lie within this distance of its centre. */
export const MAX_POLYGON_RADIUS_M = 1_000_000;
const MAX_ISSUES = 20;

/** Every message this module can produce, under the "area" namespace of lib/i18n/messages. */
export const AREA_MESSAGE_KEYS = [
  "kindUnknown",
  "centerInvalid",
  "centerNotFinite",
  "centerLatitudeOutOfRange",
  "centerLongitudeOutOfRange",
  "radiusInvalid",
  "radiusNotPositive",
  "radiusTooLarge",
  "invalidJson",
  "invalidJsonAt",
  "notPolygon",
  "featureCount",
  "empty",
  "polygonInvalid",
  "ringInvalid",
  "positionInvalid",
  "notFinite",
  "latitudeOutOfRange",
  "longitudeOutOfRange",
  "ringNotClosed",
  "tooFewPoints",
  "tooManyVertices",
  "tooLarge",
  "selfIntersection",
  "ringsIntersect",
  "zeroArea",
  "holeOutsideShell",
] as const;
export type AreaMessageKey = (typeof AREA_MESSAGE_KEYS)[number];

type Path = PropertyKey[];
type Report = (key: AreaMessageKey, path: Path, params?: Params) => void;

export const areaGeometrySchema = z
  .unknown()
  .transform((input, ctx) => parseAreaGeometry(input, reporter(ctx), []) ?? z.NEVER);
export const areaSchema = z.unknown().transform((input, ctx) => parseArea(input, reporter(ctx)) ?? z.NEVER);

export type Area = z.output<typeof areaSchema>;
export type AreaGeometry = z.output<typeof areaGeometrySchema>;

function reporter(ctx: z.RefinementCtx): Report {
  let count = 0;
  return (key, path, params) => {
    if (count++ >= MAX_ISSUES) return;
    ctx.addIssue({ code: "custom", message: msg(`area.${key}`, params), params, path });
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseArea(input: unknown, report: Report): EngineArea | null {
  const kind = isObject(input) ? input.kind : undefined;
  if (kind === "CIRCLE") return parseCircle(input as Record<string, unknown>, report);
  if (kind === "POLYGON") {
    const geometry = parseAreaGeometry((input as Record<string, unknown>).geometry, report, ["geometry"]);
    return geometry && { kind: "POLYGON", geometry };
  }
  report("kindUnknown", ["kind"]);
  return null;
}

function parseCircle(input: Record<string, unknown>, report: Report): EngineArea | null {
  let ok = true;
  const fail: Report = (key, path, params) => {
    report(key, path, params);
    ok = false;
  };
  const { center, radiusM } = input;
  if (!Array.isArray(center) || center.length < 2 || typeof center[0] !== "number" || typeof center[1] !== "number") {
    fail("centerInvalid", ["center"]);
  } else if (!Number.isFinite(center[0]) || !Number.isFinite(center[1])) {
    fail("centerNotFinite", ["center"]);
  } else {
    if (Math.abs(center[1]) > 90) fail("centerLatitudeOutOfRange", ["center", 1], { value: center[1] });
    if (Math.abs(center[0]) > 180) fail("centerLongitudeOutOfRange", ["center", 0], { value: center[0] });
  }
  if (typeof radiusM !== "number" || !Number.isFinite(radiusM)) fail("radiusInvalid", ["radiusM"]);
  else if (radiusM <= 0) fail("radiusNotPositive", ["radiusM"]);
  else if (radiusM > MAX_CIRCLE_RADIUS_M) fail("radiusTooLarge", ["radiusM"], { maxKm: MAX_CIRCLE_RADIUS_M / 1000 });
  return ok
    ? { kind: "CIRCLE", center: [(center as number[])[0], (center as number[])[1]], radiusM: radiusM as number }
    : null;
}

/** A GeoJSON Polygon or MultiPolygon, bare or in a Feature or a one-polygon FeatureCollection, as an object or JSON text. */
function parseAreaGeometry(input: unknown, report: Report, path: Path): EngineGeometry | null {
  const found = unwrap(input, report, path);
  if (!found) return null;
  const polygons = readPolygons(found.node, report, [...found.path, "coordinates"]);
  if (!polygons) return null;
  const vertices = polygons.flat().reduce((n, ring) => n + Math.max(0, ring.length - 1), 0);
  if (vertices > MAX_AREA_VERTICES) {
    report("tooManyVertices", [...found.path, "coordinates"], { count: vertices, max: MAX_AREA_VERTICES });
    return null;
  }
  const multi = found.node.type === "MultiPolygon";
  const at = (p: number, ...rest: number[]) => [...found.path, "coordinates", ...(multi ? [p] : []), ...rest];
  let ok = true;
  polygons.forEach((rings, p) => {
    rings.forEach((ring, r) => {
      const first = ring[0],
        last = ring[ring.length - 1];
      if (ring.length === 0) report("tooFewPoints", at(p, r), { polygon: p + 1, ring: r + 1, count: 0 });
      else if (first[0] !== last[0] || first[1] !== last[1])
        report("ringNotClosed", at(p, r, ring.length - 1), { polygon: p + 1, ring: r + 1 });
      else return;
      ok = false;
    });
  });
  if (!ok) return null;
  polygons.forEach((rings, p) => {
    for (const problem of checkPolygonRings(rings, MAX_POLYGON_RADIUS_M)) {
      reportRingProblem(problem, p, (...rest) => at(p, ...rest), report);
      ok = false;
    }
  });
  if (!ok) return null;
  return multi ? { type: "MultiPolygon", coordinates: polygons } : { type: "Polygon", coordinates: polygons[0] };
}

function reportRingProblem(problem: RingProblem, p: number, at: (...rest: number[]) => Path, report: Report) {
  const polygon = p + 1;
  switch (problem.kind) {
    case "tooLarge":
      return report("tooLarge", at(), { polygon, maxKm: MAX_POLYGON_RADIUS_M / 1000 });
    case "tooFewPoints":
      return report("tooFewPoints", at(problem.ring), { polygon, ring: problem.ring + 1, count: problem.count });
    case "zeroArea":
      return report("zeroArea", at(problem.ring), { polygon, ring: problem.ring + 1 });
    case "holeOutsideShell":
      return report("holeOutsideShell", at(problem.ring), { polygon, ring: problem.ring + 1 });
    case "selfIntersection":
      return report("selfIntersection", at(problem.ring, problem.edge), {
        polygon,
        ring: problem.ring + 1,
        edge: problem.edge + 1,
        otherEdge: problem.otherEdge + 1,
      });
    case "ringsIntersect":
      return report("ringsIntersect", at(problem.ring, problem.edge), {
        polygon,
        ring: problem.ring + 1,
        edge: problem.edge + 1,
        otherRing: problem.otherRing + 1,
        otherEdge: problem.otherEdge + 1,
      });
  }
}

type Found = { node: Record<string, unknown>; path: Path };

function unwrap(input: unknown, report: Report, path: Path): Found | null {
  let node = input;
  if (typeof node === "string") {
    try {
      node = JSON.parse(node);
    } catch {
      const where = jsonErrorLocation(input as string);
      report(where ? "invalidJsonAt" : "invalidJson", path, where ?? undefined);
      return null;
    }
    return unwrap(node, report, path);
  }
  if (isObject(node) && node.type === "FeatureCollection" && Array.isArray(node.features)) {
    const polygonal = node.features
      .map((f, i) => [f, i] as const)
      .filter(([f]) => isObject(f) && isObject(f.geometry) && isPolygonal(f.geometry));
    if (polygonal.length !== 1) {
      report("featureCount", [...path, "features"], { count: polygonal.length });
      return null;
    }
    return unwrap(polygonal[0][0], report, [...path, "features", polygonal[0][1]]);
  }
  if (isObject(node) && node.type === "Feature") return unwrap(node.geometry ?? null, report, [...path, "geometry"]);
  if (isObject(node) && isPolygonal(node)) return { node, path };
  report("notPolygon", [...path, ...(isObject(node) ? ["type"] : [])], {
    type: isObject(node) ? String(node.type) : node === null ? "null" : typeof node,
  });
  return null;
}

const isPolygonal = (g: Record<string, unknown>) => g.type === "Polygon" || g.type === "MultiPolygon";

/** Line and column (1-based) where `text` stops being JSON; engines' own messages rarely say. */
function jsonErrorLocation(text: string): { line: number; column: number } | null {
  const at = jsonErrorOffset(text);
  if (at < 0) return null;
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const expectChar = (c: string) => (text[i] === c ? i++ : fail());
  const word = (w: string) => (text.startsWith(w, i) ? (i += w.length) : fail());
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = () => {
    expectChar('"');
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      i += text[i] === "\\" ? 2 : 1;
    }
    i++;
  };
  const list = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === close) return void i++;
      expectChar(",");
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") return list("}", () => (ws(), string(), ws(), expectChar(":"), value()));
    if (c === "[") return list("]", value);
    if (c === '"') return string();
    if (c === "t" || c === "f" || c === "n") return void word(c === "t" ? "true" : c === "f" ? "false" : "null");
    NUMBER.lastIndex = i;
    if (!NUMBER.exec(text)) fail();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === "number" ? at : -1;
  }
}

/** Checks shape, numbers and ranges; returns polygons → rings → [lon, lat] positions, or null. */
function readPolygons(node: Record<string, unknown>, report: Report, path: Path): number[][][][] | null {
  const multi = node.type === "MultiPolygon";
  const coords = node.coordinates;
  if (multi && Array.isArray(coords) && coords.length === 0) {
    report("empty", path);
    return null;
  }
  const polygons = multi ? coords : [coords];
  if (!Array.isArray(polygons)) {
    report("polygonInvalid", path, { polygon: 1 });
    return null;
  }
  let ok = true;
  const fail: Report = (key, at, params) => {
    report(key, at, params);
    ok = false;
  };
  const out = polygons.map((rings: unknown, p) => {
    const pPath = multi ? [...path, p] : path;
    if (!Array.isArray(rings) || rings.length === 0) {
      fail("polygonInvalid", pPath, { polygon: p + 1 });
      return [];
    }
    return rings.map((ring: unknown, r) => {
      const where = { polygon: p + 1, ring: r + 1 };
      if (!Array.isArray(ring)) {
        fail("ringInvalid", [...pPath, r], where);
        return [];
      }
      return ring.map((pos: unknown, v) => {
        const at = { ...where, vertex: v + 1 };
        const vPath = [...pPath, r, v];
        if (!Array.isArray(pos) || pos.length < 2 || typeof pos[0] !== "number" || typeof pos[1] !== "number") {
          fail("positionInvalid", vPath, at);
          return [0, 0];
        }
        const [lon, lat] = pos as number[];
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) fail("notFinite", vPath, at);
        else {
          if (Math.abs(lat) > 90) fail("latitudeOutOfRange", [...vPath, 1], { ...at, value: lat });
          if (Math.abs(lon) > 180) fail("longitudeOutOfRange", [...vPath, 0], { ...at, value: lon });
        }
        return [lon, lat];
      });
    });
  });
  return ok ? out : null;
}
