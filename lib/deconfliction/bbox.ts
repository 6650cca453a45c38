// Longitude/latitude boxes for narrowing candidates in the database, before the engine decides.
//
// Convention: minLat ≤ maxLat within [-90, 90]; minLon is in [-180, 180) and minLon ≤ maxLon ≤
// minLon + 360, so a box crossing the antimeridian runs past 180 (e.g. 179.5 .. 180.5), up to 540.
// A box spanning every longitude is { minLon: -180, maxLon: 180 }. Two boxes overlap when their
// longitude ranges meet after shifting one by -360, 0 or +360 (see bboxesOverlap).
//
// Boxes are conservative: they may be slightly larger than the area, never smaller.
import { MIN_CURVATURE_RADIUS_M, WGS84_A } from "./ellipsoid";
import { prepareArea, type PreparedPolygon } from "./prepared-area";
import type { Area } from "./types";

export type BBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

const DEG = 180 / Math.PI;
const FULL = { minLon: -180, maxLon: 180 };

export function areaBBox(area: Area): BBox {
  const p = prepareArea(area);
  if (p.kind === "CIRCLE") return expandBBox({ minLon: p.lon, maxLon: p.lon, minLat: p.lat, maxLat: p.lat }, p.radiusM);
  return polygonBBox(p);
}

/** The box holding every point within `meters` of the box. Near a pole it spans every longitude. */
export function expandBBox(box: BBox, meters: number): BBox {
  // Latitude changes by at most ds / M and longitude by ds / (N cos φ), with M ≥ MIN_CURVATURE_RADIUS_M and N ≥ a.
  // A millimetre more, so that rounding never leaves an exact edge point outside.
  const m = meters * (1 + 1e-9) + 0.001;
  const dLat = (m / MIN_CURVATURE_RADIUS_M) * DEG;
  const minLat = box.minLat - dLat;
  const maxLat = box.maxLat + dLat;
  if (minLat <= -90 || maxLat >= 90) return { ...FULL, minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat) };
  const cos = Math.cos(Math.max(Math.abs(minLat), Math.abs(maxLat)) / DEG);
  const dLon = (m / (WGS84_A * cos)) * DEG;
  return { ...lonRange(box.minLon - dLon, box.maxLon + dLon), minLat, maxLat };
}

export function bboxesOverlap(a: BBox, b: BBox): boolean {
  if (a.minLat > b.maxLat || b.minLat > a.maxLat) return false;
  return [-360, 0, 360].some((shift) => a.minLon <= b.maxLon + shift && b.minLon + shift <= a.maxLon);
}

function lonRange(lo: number, hi: number): { minLon: number; maxLon: number } {
  if (hi - lo >= 360) return FULL;
  const minLon = ((((lo + 180) % 360) + 360) % 360) - 180;
  return { minLon, maxLon: minLon + (hi - lo) };
}

const wrap180 = (d: number) => d - 360 * Math.round(d / 360);

function polygonBBox(p: PreparedPolygon): BBox {
  let minLat = 90,
    maxLat = -90,
    pad = 0;
  const ranges: [number, number][] = [];
  let polar: "N" | "S" | null = null;
  for (let r = 0; r + 1 < p.ringStart.length; r++) {
    let lon = p.lonLat[2 * p.ringStart[r]];
    let lo = lon,
      hi = lon;
    for (let i = p.ringStart[r]; i < p.ringStart[r + 1]; i++) {
      const lat = p.lonLat[2 * i + 1];
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      if (i > p.ringStart[r]) {
        // Longitude is monotonic along a geodesic, so an edge spans only its ends' (short-way) range.
        lon += wrap180(p.lonLat[2 * i] - p.lonLat[2 * i - 2]);
        lo = Math.min(lo, lon);
        hi = Math.max(hi, lon);
        pad = Math.max(pad, edgeBulge(p, i - 1, Math.max(Math.abs(lat), Math.abs(p.lonLat[2 * i - 1]))));
      }
    }
    // A ring whose longitudes wind once around encloses a pole.
    if (Math.abs(lon - p.lonLat[2 * p.ringStart[r]]) > 180) polar = p.lonLat[2 * p.ringStart[r] + 1] > 0 ? "N" : "S";
    ranges.push([lo, hi]);
  }
  if (polar) {
    const dLat = (pad / MIN_CURVATURE_RADIUS_M) * DEG;
    return {
      ...FULL,
      minLat: polar === "S" ? -90 : Math.max(-90, minLat - dLat),
      maxLat: polar === "N" ? 90 : Math.min(90, maxLat + dLat),
    };
  }
  return expandBBox({ ...coveringRange(ranges), minLat, maxLat }, pad);
}

/**
 * How far (m) a geodesic edge can bulge poleward past its ends. Seen from the pole, an edge of
 * length L whose ends are ρ = R / tan φ away is (nearly) a chord of a circle of radius ρ, whose
 * sagitta ρ − √(ρ² − L²/4) is at most L² / 4ρ = L² tan φ / 4R — twice the familiar L² tan φ / 8R,
 * which falls short near a pole, where a 1 km edge can span 45° of longitude. Never more than L / 2
 * (every point of an edge is within L / 2 of one of its ends).
 */
function edgeBulge(p: PreparedPolygon, i: number, absLat: number): number {
  const len =
    Math.hypot(
      p.xyz[3 * i + 3] - p.xyz[3 * i],
      p.xyz[3 * i + 4] - p.xyz[3 * i + 1],
      p.xyz[3 * i + 5] - p.xyz[3 * i + 2],
    ) * 1.001;
  const tan = Math.tan(Math.min(absLat, 89.999999) / DEG);
  return Math.min(len / 2, (len * len * tan) / (4 * MIN_CURVATURE_RADIUS_M)) + 0.01;
}

/** The shortest longitude range covering all the given ranges (each narrower than 360°). */
function coveringRange(ranges: [number, number][]): { minLon: number; maxLon: number } {
  const spans = ranges.map(([lo, hi]) => lonRange(lo, hi)).sort((a, b) => a.minLon - b.minLon);
  if (spans.some((s) => s.maxLon - s.minLon >= 360)) return FULL;
  // Merge overlapping spans, then drop the largest gap around the circle.
  const merged: { minLon: number; maxLon: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.minLon <= last.maxLon) last.maxLon = Math.max(last.maxLon, s.maxLon);
    else merged.push({ ...s });
  }
  while (merged.length > 1 && merged[merged.length - 1].maxLon >= merged[0].minLon + 360) {
    const first = merged.shift()!;
    merged[merged.length - 1].maxLon = Math.max(merged[merged.length - 1].maxLon, first.maxLon + 360);
  }
  if (merged.length === 1) return lonRange(merged[0].minLon, merged[0].maxLon);
  let gapAfter = merged.length - 1;
  let widest = merged[0].minLon + 360 - merged[merged.length - 1].maxLon;
  for (let i = 0; i + 1 < merged.length; i++) {
    const gap = merged[i + 1].minLon - merged[i].maxLon;
    if (gap > widest) [widest, gapAfter] = [gap, i];
  }
  const start = merged[(gapAfter + 1) % merged.length].minLon;
  const end = merged[gapAfter].maxLon;
  return lonRange(start, end >= start ? end : end + 360);
}
