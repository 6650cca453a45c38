// An operation area in words, for the people who cannot read a map or whose map has no street
// tiles: which county (and state) it is in, how big it is, and how far and in which direction it
// lies from the nearest named place, e.g. "Circle of radius 500 m in Chicago, Cook County,
// Illinois — centred 1.2 km south-west of Chicago Loop". Pure: the gazetteer (lib/geo/gazetteer.ts
// loads the one shipped with the app) and the translator are passed in. Describes exactly the
// area it is given, so a caller that passes a generalised area reveals nothing finer.
import type { Area } from "@/lib/deconfliction/types";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

type Ring = number[][];
export type Place = {
  name: string;
  lon: number;
  lat: number;
  population: number;
  /** The city a neighbourhood is in. */ city?: string;
};
export type CountyArea = {
  id: string;
  name: string;
  state: string;
  polygons: Ring[][];
  bbox?: [number, number, number, number];
};
export type Gazetteer = { places: Place[]; counties: CountyArea[] };

export const COMPASS = ["n", "ne", "e", "se", "s", "sw", "w", "nw"] as const;
export type Compass = (typeof COMPASS)[number];

export type PlaceRef = { name: string; city?: string; distanceM: number; direction: Compass };

export type AreaDescription = {
  shape: { kind: "CIRCLE"; radiusM: number } | { kind: "POLYGON"; widthM: number; heightM: number };
  centre: [number, number];
  /** The counties the area touches, the one holding its centre first. */
  counties: { id: string; name: string; state: string }[];
  nearest: PlaceRef | null;
  /** A large city for context, when the nearest place is a small one. */
  major: PlaceRef | null;
};

const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

export function distanceM([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The compass point, of eight, in which `to` lies as seen from `from`. */
export function compass(from: [number, number], to: [number, number]): Compass {
  const [lon1, lat1, lon2, lat2] = [rad(from[0]), rad(from[1]), rad(to[0]), rad(to[1])];
  const y = Math.sin(lon2 - lon1) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(lon2 - lon1);
  const deg = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return COMPASS[Math.round(deg / 45) % 8];
}

function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function bboxOf(c: CountyArea): [number, number, number, number] {
  if (!c.bbox) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of c.polygons)
      for (const [x, y] of p[0]) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    c.bbox = [w, s, e, n];
  }
  return c.bbox;
}

/** The county a point lies in (holes respected), or null outside every US county. */
export function countyAt(point: [number, number], counties: CountyArea[]): CountyArea | null {
  for (const c of counties) {
    const [w, s, e, n] = bboxOf(c);
    if (point[0] < w || point[0] > e || point[1] < s || point[1] > n) continue;
    if (c.polygons.some(([shell, ...holes]) => inRing(point, shell) && !holes.some((h) => inRing(point, h)))) return c;
  }
  return null;
}

const ref = (from: [number, number], p: Place, d: number): PlaceRef => ({
  name: p.name,
  city: p.city,
  distanceM: d,
  direction: compass([p.lon, p.lat], from),
});

/** Places this far away no longer help anyone find the area. */
const NEAREST_MAX_M = 100_000;
const MAJOR_POPULATION = 100_000;
const MAJOR_MAX_M = 150_000;

export function nearestPlaces(
  point: [number, number],
  places: Place[],
): { nearest: PlaceRef | null; major: PlaceRef | null } {
  let best: [Place, number] | null = null;
  let bestMajor: [Place, number] | null = null;
  for (const p of places) {
    if (Math.abs(p.lat - point[1]) > 2 || Math.abs(p.lon - point[0]) > 3) continue;
    const d = distanceM(point, [p.lon, p.lat]);
    if (!best || d < best[1]) best = [p, d];
    if (p.population >= MAJOR_POPULATION && !p.city && (!bestMajor || d < bestMajor[1])) bestMajor = [p, d];
  }
  const nearest = best && best[1] <= NEAREST_MAX_M ? ref(point, ...best) : null;
  const majorUseful =
    bestMajor &&
    bestMajor[1] <= MAJOR_MAX_M &&
    bestMajor[0].name !== nearest?.name &&
    bestMajor[0].name !== nearest?.city;
  return { nearest, major: majorUseful && bestMajor ? ref(point, ...bestMajor) : null };
}

const M_PER_DEG = 111_320;

function polygonCentre(rings: Ring[]): [number, number] {
  // Area-weighted centroid in a local flat projection; holes count negatively.
  const lat0 = rad(rings[0][0][1]);
  let [sx, sy, sa] = [0, 0, 0];
  rings.forEach((ring, k) => {
    let [x, y, a] = [0, 0, 0];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = [ring[j][0] * Math.cos(lat0), ring[j][1]];
      const [x1, y1] = [ring[i][0] * Math.cos(lat0), ring[i][1]];
      const f = x0 * y1 - x1 * y0;
      x += (x0 + x1) * f;
      y += (y0 + y1) * f;
      a += f;
    }
    const sign = k === 0 ? Math.sign(a) : -Math.sign(a);
    if (a !== 0) {
      sx += sign * Math.sign(a) * x;
      sy += sign * Math.sign(a) * y;
      sa += sign * Math.abs(a);
    }
  });
  if (sa === 0) return [rings[0][0][0], rings[0][0][1]];
  return [sx / (3 * sa) / Math.cos(lat0), sy / (3 * sa)];
}

function sample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]);
}

export function describeArea(area: Area, gazetteer: Gazetteer): AreaDescription {
  let centre: [number, number];
  let shape: AreaDescription["shape"];
  let edge: [number, number][];
  if (area.kind === "CIRCLE") {
    centre = [area.center[0], area.center[1]];
    shape = { kind: "CIRCLE", radiusM: area.radiusM };
    const dLat = area.radiusM / M_PER_DEG;
    const dLon = dLat / Math.max(Math.cos(rad(centre[1])), 0.01);
    edge = Array.from({ length: 16 }, (_, i) => [
      centre[0] + dLon * Math.cos((i * Math.PI) / 8),
      centre[1] + dLat * Math.sin((i * Math.PI) / 8),
    ]);
  } else {
    const polygons = area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
    const shells = polygons.map((p) => p[0] as Ring);
    const all = shells.flat();
    const lons = all.map((p) => p[0]);
    const lats = all.map((p) => p[1]);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const largest = polygons.reduce((a, b) =>
      Math.abs(spanOf(b[0] as Ring)) > Math.abs(spanOf(a[0] as Ring)) ? b : a,
    );
    centre = polygons.length === 1 ? polygonCentre(largest as Ring[]) : [(w + e) / 2, (s + n) / 2];
    shape = { kind: "POLYGON", widthM: (e - w) * M_PER_DEG * Math.cos(rad((s + n) / 2)), heightM: (n - s) * M_PER_DEG };
    edge = sample(all, 200).map((p) => [p[0], p[1]]);
  }
  const seen = new Map<string, CountyArea>();
  for (const p of [centre, ...edge]) {
    const c = countyAt(p, gazetteer.counties);
    if (c && !seen.has(c.id)) seen.set(c.id, c);
  }
  return {
    shape,
    centre,
    counties: [...seen.values()].map(({ id, name, state }) => ({ id, name, state })),
    ...nearestPlaces(centre, gazetteer.places),
  };
}

function spanOf(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return a;
}

const tag = (locale: Locale) => (locale === "es" ? "es-US" : "en-US");

export function formatDistance(m: number, locale: Locale): string {
  if (m < 1000) return `${new Intl.NumberFormat(tag(locale)).format(Math.max(10, Math.round(m / 10) * 10))} m`;
  const km = m / 1000;
  return `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km)} km`;
}

/** How many counties are named before "and N more". */
const MAX_COUNTIES = 3;
/** A place this close to the centre is where the area is; a neighbourhood names its city. */
const AT_PLACE_M = 500;
const IN_CITY_M = 3000;

/** A county's name as people say it: "Cook County", "Orleans Parish" (t bound to "geo"). */
export function countyName(c: { id: string; name: string }, t: Translate): string {
  return t(c.id.startsWith("22") ? "parish" : c.id.startsWith("02") ? "borough" : "county", { name: c.name });
}

/** "Cook County and DuPage County, Illinois": the counties the area touches, by state. */
export function formatCounties(d: AreaDescription, t: Translate, locale: Locale): string {
  const list = (items: string[]) => new Intl.ListFormat(tag(locale), { type: "conjunction" }).format(items);
  const byState = new Map<string, string[]>();
  for (const c of d.counties.slice(0, MAX_COUNTIES))
    byState.set(c.state, [...(byState.get(c.state) ?? []), countyName(c, t)]);
  const where = list([...byState].map(([state, cs]) => t("inState", { counties: list(cs), state })));
  return d.counties.length > MAX_COUNTIES
    ? t("andMore", { list: where, count: d.counties.length - MAX_COUNTIES })
    : where;
}

/** The description as one sentence in the viewer's language (t is bound to the "geo" namespace). */
export function formatAreaDescription(d: AreaDescription, t: Translate, locale: Locale): string {
  const dist = (m: number) => formatDistance(m, locale);
  const shape =
    d.shape.kind === "CIRCLE"
      ? t("circle", { radius: dist(d.shape.radiusM) })
      : t("polygon", { width: dist(d.shape.widthM), height: dist(d.shape.heightM) });

  let where = formatCounties(d, t, locale);
  const n = d.nearest;
  const inCity = Boolean(n?.city && n.distanceM <= IN_CITY_M && d.counties.length > 0);
  if (n?.city && inCity) where = t("inCity", { city: n.city, where });

  // A neighbourhood names its city unless the sentence already said the area is in it.
  const name = (p: PlaceRef) => (p.city && !inCity ? t("placeInCity", { place: p.name, city: p.city }) : p.name);
  const placeRef = (p: PlaceRef) =>
    p.distanceM <= AT_PLACE_M
      ? t("at", { place: name(p) })
      : t("from", { distance: dist(p.distanceM), direction: t(`direction.${p.direction}`), place: name(p) });
  const parts = [d.counties.length ? t("inWhere", { shape, where }) : t("outside", { shape })];
  const refs = [n ? t("centred", { offset: placeRef(n) }) : null, d.major ? placeRef(d.major) : null].filter(
    (x): x is string => x !== null,
  );
  return refs.length ? t("sentence", { main: parts[0], refs: refs.join("; ") }) : t("sentenceOnly", { main: parts[0] });
}
