// An area turned into what the engine measures with: earth-centred points, edges no longer than
// MAX_EDGE_M (long edges gain points along their geodesic) and a bounding cap for quick rejection.
// Prepared once per area object and cached, so a subject checked against many candidates pays once.
import { chordLength, distance3, ecefToLonLat, sagBound, toEcef, type Vec3 } from "./ellipsoid";
import { geodesicInteriorPoints } from "./geodesic";
import type { Area, AreaGeometry } from "./types";

/** Edges are geodesics; cut at this length, a straight chord stays within 2 cm of its edge. */
export const MAX_EDGE_M = 1_000;

export type PreparedPolygon = {
  kind: "POLYGON";
  /** x, y, z per point; each ring is closed (its last point repeats its first). */
  xyz: Float64Array;
  lonLat: Float64Array;
  /** Ring r holds points ringStart[r] .. ringStart[r + 1] - 1. */
  ringStart: Int32Array;
  /** First point of each edge, and how far (m) the geodesic edge may stand off its chord. */
  starts: Int32Array;
  pads: Float64Array;
  /** Every point of the area lies within capRadiusM (straight-line metres) of capCenter. */
  capCenter: Vec3;
  capRadiusM: number;
};

export type PreparedCircle = {
  kind: "CIRCLE";
  lon: number;
  lat: number;
  radiusM: number;
  capCenter: Vec3;
  capRadiusM: number;
};

export type PreparedArea = PreparedPolygon | PreparedCircle;

const cache = new WeakMap<Area, PreparedArea>();

export function prepareArea(area: Area): PreparedArea {
  const hit = cache.get(area);
  if (hit) return hit;
  const prepared: PreparedArea =
    area.kind === "CIRCLE"
      ? {
          kind: "CIRCLE",
          lon: area.center[0],
          lat: area.center[1],
          radiusM: area.radiusM,
          capCenter: toEcef(area.center[0], area.center[1]),
          capRadiusM: area.radiusM,
        }
      : preparePolygon(area.geometry);
  cache.set(area, prepared);
  return prepared;
}

export function polygonsOf(geometry: AreaGeometry): number[][][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

function preparePolygon(geometry: AreaGeometry): PreparedPolygon {
  const lonLat: number[] = [];
  const xyz: number[] = [];
  const ringStart: number[] = [];
  const add = (lon: number, lat: number, p: Vec3) => {
    lonLat.push(lon, lat);
    xyz.push(p[0], p[1], p[2]);
  };
  for (const rings of polygonsOf(geometry)) {
    for (const ring of rings) {
      ringStart.push(lonLat.length / 2);
      let prev: Vec3 | null = null;
      for (const [lon, lat] of ring) {
        const p = toEcef(lon, lat);
        if (prev && distance3(prev, p) > MAX_EDGE_M) {
          const [lon0, lat0] = [lonLat[lonLat.length - 2], lonLat[lonLat.length - 1]];
          for (const [l, b] of geodesicInteriorPoints(lon0, lat0, lon, lat, MAX_EDGE_M)) add(l, b, toEcef(l, b));
        }
        add(lon, lat, p);
        prev = p;
      }
    }
  }
  const count = lonLat.length / 2;
  ringStart.push(count);
  const points = Float64Array.from(xyz);
  const sum: Vec3 = [0, 0, 0];
  for (let i = 0; i < points.length; i++) sum[i % 3] += points[i] / count;
  const starts = boundaryEdges(points, ringStart);
  const pads = starts.map((i) => sagBound(chordLength(points, i, i + 1) * 1.001));
  const maxPad = pads.reduce((m, p) => Math.max(m, p), 0);
  const [cLon, cLat] = ecefToLonLat(sum);
  const capCenter = toEcef(cLon, cLat);
  let capRadiusM = 0;
  for (let i = 0; i < count; i++) {
    capRadiusM = Math.max(
      capRadiusM,
      Math.hypot(points[3 * i] - capCenter[0], points[3 * i + 1] - capCenter[1], points[3 * i + 2] - capCenter[2]),
    );
  }
  return {
    kind: "POLYGON",
    xyz: points,
    lonLat: Float64Array.from(lonLat),
    ringStart: Int32Array.from(ringStart),
    starts: Int32Array.from(starts),
    pads: Float64Array.from(pads),
    capCenter,
    capRadiusM: capRadiusM + maxPad,
  };
}

/**
 * The edges that bound the area. An edge that another ring walks the opposite way (the shared
 * side of a MultiPolygon split at the antimeridian, as RFC 7946 asks) lies inside the union and is
 * dropped together with its twin; dropping both keeps even-odd point-in-polygon answers unchanged.
 */
function boundaryEdges(xyz: Float64Array, ringStart: number[]): number[] {
  const edges: number[] = [];
  for (let r = 0; r + 1 < ringStart.length; r++)
    for (let i = ringStart[r]; i < ringStart[r + 1] - 1; i++) edges.push(i);
  if (ringStart.length <= 2) return edges; // one ring: nothing to share an edge with
  // Points compared on a millimetre grid; edges found through a hash table keyed on both ends.
  const mm = xyz.map((v) => Math.round(v * 1000));
  const same = (i: number, j: number) =>
    mm[3 * i] === mm[3 * j] && mm[3 * i + 1] === mm[3 * j + 1] && mm[3 * i + 2] === mm[3 * j + 2];
  const hashes = new Int32Array(mm.length / 3);
  for (let i = 0; i < hashes.length; i++) {
    hashes[i] =
      Math.imul(mm[3 * i] | 0, 73856093) ^
      Math.imul(mm[3 * i + 1] | 0, 19349663) ^
      Math.imul(mm[3 * i + 2] | 0, 83492791);
  }
  const size = 2 ** Math.ceil(Math.log2(2 * edges.length + 2));
  const slot = (from: number, to: number) => (Math.imul(hashes[from], 0x9e3779b1) ^ hashes[to]) & (size - 1);
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(xyz.length / 3).fill(-1);
  const internal = new Uint8Array(xyz.length / 3);
  for (const i of edges) {
    let twin = head[slot(i + 1, i)];
    while (twin >= 0 && (internal[twin] || !same(twin, i + 1) || !same(twin + 1, i))) twin = next[twin];
    if (twin >= 0) {
      internal[twin] = internal[i] = 1;
      continue;
    }
    const h = slot(i, i + 1);
    next[i] = head[h];
    head[h] = i;
  }
  return edges.filter((i) => !internal[i]);
}
