import { describe, expect, it } from "vitest";
import { checkPair, findConflicts } from "./engine";
import { prepareArea } from "./prepared-area";
import { relateAreas } from "./spatial";
import { circle, multiPolygon, offset, op, polygon, ring, square, T0 } from "./test-fixtures";
import { pointAlong, referenceDistance, referencePointToEdge, referenceRingToRing } from "./test-reference";
import type { Area, LonLat } from "./types";

const CHICAGO: LonLat = [-87.65, 41.85];
const relate = (a: Area, b: Area, bufferM = 500) => relateAreas(prepareArea(a), prepareArea(b), bufferM);

describe("circle against circle", () => {
  it("reports the exact gap between circles within the buffer", () => {
    const other = offset(CHICAGO, 650, 0);
    const c = checkPair(op("a", circle(CHICAGO, 100)), op("b", circle(other, 100)));
    expect(c).not.toBeNull();
    expect(c!.minDistanceM).toBeCloseTo(referenceDistance(CHICAGO, other) - 200, 6);
    expect(c!.areasIntersect).toBe(false);
    expect(c!.containment).toBe("NONE");
  });

  it("finds no conflict beyond the buffer, and one when the buffer is larger", () => {
    const a = op("a", circle(CHICAGO, 100));
    const b = op("b", circle(offset(CHICAGO, 900, 0), 100));
    expect(checkPair(a, b)).toBeNull();
    expect(checkPair(a, b, { proximityBufferM: 800 })?.minDistanceM).toBeCloseTo(700, 0);
  });

  it("tells which circle holds the other", () => {
    const big = op("a", circle(CHICAGO, 1000));
    const small = op("b", circle(offset(CHICAGO, 300, 200), 100));
    expect(checkPair(big, small)?.containment).toBe("A_CONTAINS_B");
    expect(checkPair(small, big)?.containment).toBe("B_CONTAINS_A");
    expect(checkPair(big, small)?.minDistanceM).toBe(0);
  });
});

describe("circle against polygon", () => {
  const sq = square(CHICAGO, 500);

  it("measures from the circle to the nearest edge of the polygon", () => {
    const centre = offset(CHICAGO, 850, 100);
    const facts = relate(circle(centre, 50), polygon(sq));
    const reference = Math.min(...sq.slice(0, -1).map((v, i) => referencePointToEdge(centre, v, sq[i + 1]))) - 50;
    expect(reference).toBeGreaterThan(250);
    expect(facts?.minDistanceM).toBeCloseTo(reference, 2);
    expect(facts?.areasIntersect).toBe(false);
  });

  it("holds a circle well inside the polygon, and not one that crosses its edge", () => {
    expect(relate(polygon(sq), circle(offset(CHICAGO, 100, 0), 300))?.containment).toBe("A_CONTAINS_B");
    expect(relate(circle(offset(CHICAGO, 100, 0), 300), polygon(sq))?.containment).toBe("B_CONTAINS_A");
    const crossing = relate(polygon(sq), circle(offset(CHICAGO, 400, 0), 300));
    expect(crossing).toMatchObject({ areasIntersect: true, minDistanceM: 0, containment: "NONE" });
  });

  it("says a large circle holds a polygon inside it", () => {
    expect(relate(circle(CHICAGO, 2000), polygon(sq))).toMatchObject({
      areasIntersect: true,
      containment: "A_CONTAINS_B",
    });
    expect(relate(polygon(sq), circle(CHICAGO, 2000))).toMatchObject({ containment: "B_CONTAINS_A" });
  });
});

describe("polygon against polygon", () => {
  it("measures the gap between two squares like the geodesic reference", () => {
    const a = square(CHICAGO, 500);
    const b = square(offset(CHICAGO, 1300, 150), 500);
    const facts = relate(polygon(a), polygon(b));
    expect(facts?.minDistanceM).toBeCloseTo(referenceRingToRing(a, b), 2);
    expect(facts?.minDistanceM).toBeGreaterThan(290);
  });

  it("tells containment both ways", () => {
    const big = polygon(square(CHICAGO, 2000));
    const small = polygon(ring(offset(CHICAGO, 500, -300), 200, 7));
    expect(relate(big, small)).toMatchObject({ areasIntersect: true, minDistanceM: 0, containment: "A_CONTAINS_B" });
    expect(relate(small, big)).toMatchObject({ areasIntersect: true, minDistanceM: 0, containment: "B_CONTAINS_A" });
  });

  it("treats squares sharing an edge as touching: intersecting at distance 0, neither holding the other", () => {
    const [p00, p10, p01] = [CHICAGO, offset(CHICAGO, 800, 0), offset(CHICAGO, 0, 800)];
    const p11 = offset(CHICAGO, 800, 800);
    const p20 = offset(CHICAGO, 1600, 0),
      p21 = offset(CHICAGO, 1600, 800);
    const left = polygon([p00, p10, p11, p01, p00]);
    const right = polygon([p10, p20, p21, p11, p10]);
    expect(relate(left, right)).toEqual({ minDistanceM: 0, areasIntersect: true, containment: "NONE" });
    // Only a corner in common.
    const diagonal = polygon([
      p11,
      offset(CHICAGO, 1600, 800),
      offset(CHICAGO, 1600, 1600),
      offset(CHICAGO, 800, 1600),
      p11,
    ]);
    expect(relate(left, diagonal)).toEqual({ minDistanceM: 0, areasIntersect: true, containment: "NONE" });
    // One metre apart is not touching.
    const shifted = polygon([p10, p20, p21, p11, p10].map((p) => offset(p, 1, 0)));
    const apart = relate(left, shifted);
    expect(apart?.areasIntersect).toBe(false);
    expect(apart?.minDistanceM).toBeCloseTo(1, 2);
  });

  it("holds a polygon that shares part of its boundary with the outer one", () => {
    const sq = square(CHICAGO, 1000);
    const [corner, east, , north] = sq;
    // The inner square's sides run along the outer's bottom and left edges.
    const inner = polygon([
      corner,
      pointAlong(corner, east, 0.4),
      offset(corner, 700, 700),
      pointAlong(north, corner, 0.6),
      corner,
    ]);
    expect(relate(polygon(sq), inner)).toMatchObject({
      areasIntersect: true,
      minDistanceM: 0,
      containment: "A_CONTAINS_B",
    });
    expect(relate(inner, polygon(sq))).toMatchObject({ containment: "B_CONTAINS_A" });
    expect(relate(polygon(sq), polygon(sq))).toMatchObject({ containment: "A_CONTAINS_B" });
  });

  it("does not hold a polygon that pokes out of a notch", () => {
    // A "U": a square with a bite out of its top edge; the other polygon spans the bite.
    const [a, b, c, d] = [CHICAGO, offset(CHICAGO, 3000, 0), offset(CHICAGO, 3000, 3000), offset(CHICAGO, 0, 3000)];
    const u = polygon([
      a,
      b,
      c,
      offset(CHICAGO, 2000, 3000),
      offset(CHICAGO, 2000, 1000),
      offset(CHICAGO, 1000, 1000),
      offset(CHICAGO, 1000, 3000),
      d,
      a,
    ]);
    const bridge = polygon(square(offset(CHICAGO, 1500, 2000), 800));
    expect(relate(u, bridge)).toMatchObject({ areasIntersect: true, containment: "NONE" });
  });
});

describe("areas with holes", () => {
  const donut = polygon(square(CHICAGO, 2000), square(CHICAGO, 1000));

  it("does not count an area inside the hole as intersecting, and measures to the hole's edge", () => {
    expect(relate(donut, circle(CHICAGO, 300))).toBeNull(); // 700 m from the hole's edge
    const near = relate(donut, circle(CHICAGO, 600));
    expect(near).toMatchObject({ areasIntersect: false, containment: "NONE" });
    expect(near!.minDistanceM).toBeGreaterThan(390);
    expect(near!.minDistanceM).toBeLessThan(400.5);
    const inHole = polygon(square(CHICAGO, 700));
    expect(relate(donut, inHole)?.minDistanceM).toBeCloseTo(
      referenceRingToRing(square(CHICAGO, 1000), square(CHICAGO, 700)),
      2,
    );
  });

  it("intersects an area crossing into the ring, without holding it", () => {
    expect(relate(donut, circle(CHICAGO, 1100))).toMatchObject({ areasIntersect: true, containment: "NONE" });
    expect(relate(donut, circle(offset(CHICAGO, 1500, 0), 200))).toMatchObject({ containment: "A_CONTAINS_B" });
  });
});

describe("across the antimeridian", () => {
  const ADAK_WEST: LonLat = [179.99, 51.5];

  it("relates a polygon crossing 180° to a circle centred at 179.99°", () => {
    const corners = square([180, 51.5], 5000);
    expect(corners.some(([lon]) => lon < 0) && corners.some(([lon]) => lon > 0)).toBe(true);
    const aleutian = polygon(corners);
    expect(relate(aleutian, circle(ADAK_WEST, 300))).toMatchObject({
      areasIntersect: true,
      containment: "A_CONTAINS_B",
    });
    const outside = offset([180, 51.5], 5400, 0);
    const facts = relate(aleutian, circle(outside, 100));
    expect(facts?.minDistanceM).toBeCloseTo(referencePointToEdge(outside, corners[1], corners[2]) - 100, 2);
    expect(facts?.minDistanceM).toBeGreaterThan(250);
  });

  it("measures circles on either side of 180° the short way", () => {
    const east: LonLat = [-179.995, 51.5];
    const facts = relate(circle(ADAK_WEST, 300), circle(east, 300));
    expect(facts?.minDistanceM).toBeCloseTo(referenceDistance(ADAK_WEST, east) - 600, 6);
    expect(facts?.minDistanceM).toBeLessThan(500);
  });

  it("joins the halves of a MultiPolygon split at 180°", () => {
    const split = multiPolygon(
      [
        [
          [179.9, 51],
          [180, 51],
          [180, 52],
          [179.9, 52],
          [179.9, 51],
        ],
      ],
      [
        [
          [-180, 51],
          [-179.9, 51],
          [-179.9, 52],
          [-180, 52],
          [-180, 51],
        ],
      ],
    );
    expect(relate(split, circle([-179.999, 51.5], 200))).toMatchObject({
      areasIntersect: true,
      containment: "A_CONTAINS_B",
    });
    const across = polygon(square([180, 51.5], 1000));
    expect(relate(split, across)).toMatchObject({ areasIntersect: true, containment: "A_CONTAINS_B" });
  });
});

describe("near the poles", () => {
  it("measures two circles across the North Pole", () => {
    const a: LonLat = [0, 89.9],
      b: LonLat = [180, 89.9];
    const facts = relate(circle(a, 1000), circle(b, 1000), 25_000);
    expect(facts?.minDistanceM).toBeCloseTo(referenceDistance(a, b) - 2000, 6);
  });

  it("relates a polygon around the pole to circles inside and outside it", () => {
    const cap = polygon([...[-180, -135, -90, -45, 0, 45, 90, 135].map((lon): LonLat => [lon, 89.5]), [-180, 89.5]]);
    expect(relate(cap, circle([0, 90], 2000))).toMatchObject({ containment: "A_CONTAINS_B" });
    expect(relate(cap, circle([33, 89.95], 500))).toMatchObject({ containment: "A_CONTAINS_B" });
    const outside: LonLat = [10, 89.4];
    const facts = relate(cap, circle(outside, 100), 20_000);
    expect(facts?.areasIntersect).toBe(false);
    const edges = cap.geometry.coordinates[0] as LonLat[];
    const reference =
      Math.min(...edges.slice(0, -1).map((v, i) => referencePointToEdge(outside, v, edges[i + 1]))) - 100;
    expect(reference).toBeGreaterThan(10_000);
    expect(facts?.minDistanceM).toBeCloseTo(reference, 2);
  });

  it("relates a polygon near the pole to a circle at 89.9°", () => {
    const corners = square([0, 89.8], 3000);
    const centre: LonLat = [90, 89.9];
    const facts = relate(polygon(corners), circle(centre, 500), 30_000);
    const reference =
      Math.min(...corners.slice(0, -1).map((v, i) => referencePointToEdge(centre, v, corners[i + 1]))) - 500;
    expect(facts).toMatchObject({ areasIntersect: false, containment: "NONE" });
    expect(facts?.minDistanceM).toBeCloseTo(reference, 2);
  });
});

describe("time windows", () => {
  const here = circle(CHICAGO, 100);

  it("widens each window by the time buffer", () => {
    const a = op("a", here, { start: 0, end: 60 });
    const gap90 = checkPair(a, op("b", here, { start: 150, end: 200 }));
    expect(gap90).toMatchObject({ overlapMinutes: -90, overlapStart: null, overlapEnd: null });
    expect(checkPair(a, op("b", here, { start: 181, end: 200 }))).toBeNull();
    expect(checkPair(a, op("b", here, { start: 181, end: 200 }), { timeBufferMinutes: 61 })).not.toBeNull();
  });

  it("reports the raw overlap, including windows that only meet", () => {
    const c = checkPair(op("a", here, { start: 0, end: 60 }), op("b", here, { start: 45, end: 90 }));
    expect(c).toMatchObject({
      overlapMinutes: 15,
      overlapStart: new Date(T0 + 45 * 60_000),
      overlapEnd: new Date(T0 + 60 * 60_000),
    });
    const meet = checkPair(op("a", here, { start: 0, end: 60 }), op("b", here, { start: 60, end: 90 }));
    expect(meet).toMatchObject({ overlapMinutes: 0, overlapStart: new Date(T0 + 60 * 60_000) });
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => checkPair(op("a", here, { start: 60, end: 0 }), op("b", here))).toThrow(RangeError);
  });
});

describe("severity", () => {
  const here = circle(CHICAGO, 300);
  const near = circle(offset(CHICAGO, 900, 0), 300);

  it("is HIGH when areas and windows overlap and a side carries a risk flag", () => {
    expect(checkPair(op("a", here, { riskFlags: ["FIREARMS_EXPECTED"] }), op("b", here))?.severity).toBe("HIGH");
    expect(checkPair(op("a", here), op("b", here))?.severity).toBe("MEDIUM");
  });

  it("is MEDIUM when only one of space and time truly overlaps", () => {
    const flags = { riskFlags: ["K9"] };
    expect(checkPair(op("a", here, flags), op("b", near))?.severity).toBe("MEDIUM");
    expect(checkPair(op("a", here, { ...flags, end: 30 }), op("b", here, { start: 60 }))?.severity).toBe("MEDIUM");
  });

  it("is LOW when only the buffers bring them together", () => {
    expect(checkPair(op("a", here, { riskFlags: ["K9"], end: 30 }), op("b", near, { start: 60 }))?.severity).toBe(
      "LOW",
    );
  });
});

describe("buffers", () => {
  it("uses the larger of the two agencies' buffers", () => {
    const a = op("a", circle(CHICAGO, 100), { agencyId: "cpd" });
    const b = op("b", circle(offset(CHICAGO, 900, 0), 100), { agencyId: "fbi" });
    expect(
      checkPair(a, b, { agencyBuffers: { cpd: { proximityBufferM: 300 }, fbi: { proximityBufferM: 300 } } }),
    ).toBeNull();
    const c = checkPair(a, b, { agencyBuffers: { cpd: { proximityBufferM: 300 }, fbi: { proximityBufferM: 800 } } });
    expect(c).toMatchObject({ proximityBufferM: 800, timeBufferMinutes: 60 });
    const late = op("b", circle(CHICAGO, 100), { agencyId: "fbi", start: 300, end: 400 });
    expect(checkPair(a, late)).toBeNull();
    expect(checkPair(a, late, { agencyBuffers: { cpd: { timeBufferMinutes: 90 } } })?.timeBufferMinutes).toBe(90);
  });

  it("refuses a proximity buffer beyond 100 km", () => {
    expect(() =>
      checkPair(op("a", circle(CHICAGO, 1)), op("b", circle(CHICAGO, 1)), { proximityBufferM: 150_000 }),
    ).toThrow(RangeError);
  });
});

describe("findConflicts", () => {
  it("returns conflicts most severe first, then nearest, and skips the subject itself", () => {
    const subject = op("s", circle(CHICAGO, 200), { riskFlags: ["HAZMAT"] });
    const candidates = [
      op("far", circle(offset(CHICAGO, 5000, 0), 100)),
      op("low", circle(offset(CHICAGO, 700, 0), 100), { start: 150, end: 200 }),
      op("medium-near", circle(offset(CHICAGO, 350, 0), 100)),
      op("medium-nearer", circle(offset(CHICAGO, 0, 320), 100)),
      op("high", circle(offset(CHICAGO, 100, 0), 100)),
      subject,
    ];
    const found = findConflicts(subject, candidates);
    expect(found.map((c) => c.bId)).toEqual(["high", "medium-nearer", "medium-near", "low"]);
    expect(found.every((c) => c.aId === "s" && c.agencyAId === "agency-s")).toBe(true);
    expect(found.map((c) => c.severity)).toEqual(["HIGH", "MEDIUM", "MEDIUM", "LOW"]);
  });
});
