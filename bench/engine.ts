// Speed of the deconfliction engine: p50/p95 per pair check for the shapes that matter.
// Run: npx tsx bench/engine.ts
import { checkPair, findConflicts } from "../lib/deconfliction/engine";
import { geodesicDestination } from "../lib/deconfliction/geodesic";
import { circle, offset, op, polygon } from "../lib/deconfliction/test-fixtures";
import type { LonLat, PolygonArea } from "../lib/deconfliction/types";
import { areaSchema } from "../lib/validation/area";

const BASE: LonLat = [-87.65, 41.85];

/** A wiggly 1,000-vertex ring, about radiusM around a centre (deterministic, no randomness). */
function wiggly(center: LonLat, radiusM: number, n = 999): PolygonArea {
  const ring: LonLat[] = [];
  for (let k = 0; k < n; k++) {
    const az = (360 * k) / n;
    const r =
      radiusM * (1 + 0.04 * Math.sin((k * 2 * Math.PI * 37) / n) + 0.02 * Math.sin((k * 2 * Math.PI * 211) / n));
    ring.push(geodesicDestination(center[0], center[1], az, r));
  }
  ring.push(ring[0]);
  return polygon(ring);
}

function measure(name: string, runs: number, fn: (i: number) => unknown) {
  for (let i = 0; i < Math.min(50, runs); i++) fn(i); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `${name.padEnd(58)} p50 ${at(0.5).toFixed(3).padStart(8)} ms   p95 ${at(0.95).toFixed(3).padStart(8)} ms   (${runs} runs)`,
  );
}

const R = 5000;
const near = offset(BASE, 2 * R * 1.06 + 200, 0); // boundaries ~200-900 m apart along a long stretch
const shapes = {
  a: wiggly(BASE, R),
  near: wiggly(near, R),
  crossing: wiggly(offset(BASE, 1.6 * R, 0), R),
  inside: wiggly(offset(BASE, 300, 200), R / 3),
  far: wiggly(offset(BASE, 40_000, 0), R),
};
// Inside `a`, sharing the half of a's boundary where its vertices were left alone: touching, contained.
const aRing = (shapes.a.geometry.coordinates as LonLat[][])[0];
const sharing = polygon(
  aRing.map(([lon, lat], k) =>
    k > 0 && k < 500 ? [BASE[0] + (lon - BASE[0]) * 0.7, BASE[1] + (lat - BASE[1]) * 0.7] : [lon, lat],
  ) as LonLat[],
);
const fresh = (area: PolygonArea): PolygonArea => ({ kind: "POLYGON", geometry: structuredClone(area.geometry) });

console.log("Deconfliction engine (node " + process.version + ")\n");
measure("circle / circle, within buffer", 5000, (i) =>
  checkPair(op("a", circle(BASE, 300 + (i % 7))), op("b", circle(offset(BASE, 900, 0), 300))),
);
measure("circle / circle, far apart", 5000, (i) =>
  checkPair(op("a", circle(BASE, 300 + (i % 7))), op("b", circle(offset(BASE, 9000, 0), 300))),
);
measure("circle / 1,000-vertex polygon, near its edge", 1000, (i) =>
  checkPair(op("a", circle(offset(BASE, R * 1.06 + 300 + (i % 7), 0), 200)), op("b", shapes.a)),
);
for (const [label, other] of [
  ["within buffer, not touching", shapes.near],
  ["boundaries crossing", shapes.crossing],
  ["one inside the other", shapes.inside],
  ["inside, sharing half the boundary", sharing],
  ["far apart", shapes.far],
] as const) {
  measure(`poly/poly 1000x1000, ${label} (prepared)`, 300, () => checkPair(op("a", shapes.a), op("b", other)));
}
measure("poly/poly 1000x1000, within buffer, incl. preparing both", 100, () =>
  checkPair(op("a", fresh(shapes.a)), op("b", fresh(shapes.near))),
);

const candidates = Array.from({ length: 200 }, (_, k) =>
  op(
    `c${k}`,
    k % 2
      ? circle(offset(BASE, (k - 100) * 90, (k % 13) * 400), 250)
      : wiggly(offset(BASE, (k - 100) * 90, -(k % 11) * 500), 400, 99),
    { start: (k % 9) * 30, end: (k % 9) * 30 + 90 },
  ),
);
measure("findConflicts: 1,000-vertex subject vs 200 candidates", 30, () =>
  findConflicts(op("s", shapes.a), candidates),
);

measure("validate a 1,000-vertex polygon (areaSchema)", 100, () => areaSchema.parse(fresh(shapes.a)));
