// Reproducible random operations and probes with a realistic spread: three in four in metro
// areas (weighted by population, denser near the centre), the rest anywhere in a county; circles
// and small polygons; windows of an hour to a few days anywhere in the four years around `now`.
import { geodesicDestination } from "@/lib/deconfliction/geodesic";
import type { Area } from "@/lib/deconfliction/types";
import { METROS, type County } from "./places";

export type Rng = () => number;

/** mulberry32: small, fast and good enough to spread test data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gaussian = (r: Rng) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

export type Place = { lon: number; lat: number; metro: number | null; county: number | null };

export class PlacePicker {
  private readonly cumulative: number[];
  private readonly total: number;
  constructor(private readonly counties: County[]) {
    let sum = 0;
    this.cumulative = METROS.map((m) => (sum += m.millions));
    this.total = sum;
  }

  pick(r: Rng): Place {
    if (r() < 0.75) {
      const x = r() * this.total;
      const metro = this.cumulative.findIndex((c) => c >= x);
      const m = METROS[metro];
      // Bigger metros sprawl further: a typical spread of 6 km per million people, square-rooted.
      const spreadM = 6_000 * Math.sqrt(m.millions) * Math.abs(gaussian(r));
      const [lon, lat] = geodesicDestination(m.lon, m.lat, 360 * r(), Math.min(spreadM, 80_000));
      return { lon, lat, metro, county: null };
    }
    const county = Math.floor(r() * this.counties.length);
    const c = this.counties[county];
    const [lon, lat] = geodesicDestination(c.lon, c.lat, 360 * r(), 15_000 * r());
    return { lon, lat, metro: null, county };
  }
}

/** A circle (70 %) or a small polygon of 5–24 vertices (30 %), a few hundred metres to a few km across. */
export function randomArea(r: Rng, lon: number, lat: number): Area {
  const sizeM = Math.exp(Math.log(400) + 0.8 * gaussian(r));
  const radiusM = Math.max(50, Math.min(5_000, sizeM));
  if (r() < 0.7) return { kind: "CIRCLE", center: [round6(lon), round6(lat)], radiusM: Math.round(radiusM) };
  const n = 5 + Math.floor(r() * 20);
  const start = 360 * r();
  const ring: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const [x, y] = geodesicDestination(lon, lat, start + (360 * k) / n, radiusM * (0.6 + 0.4 * r()));
    ring.push([round6(x), round6(y)]);
  }
  // Counter-clockwise (the azimuths run clockwise), closed.
  ring.reverse();
  ring.push(ring[0]);
  return { kind: "POLYGON", geometry: { type: "Polygon", coordinates: [ring] } };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export const TWO_YEARS_MS = 730 * 86_400_000;
const QUARTER_HOUR = 15 * 60_000;

/** A window starting anywhere in now ± 2 years (or, for new filings, from 2 days ahead on): mostly hours long, sometimes days. */
export function randomWindow(r: Rng, now: Date, ahead = false): { startsAt: Date; endsAt: Date } {
  const from = ahead ? now.getTime() + 2 * 86_400_000 : now.getTime() - TWO_YEARS_MS;
  const start = Math.round((from + r() * (now.getTime() + TWO_YEARS_MS - from)) / QUARTER_HOUR) * QUARTER_HOUR;
  const p = r();
  const hours = p < 0.6 ? 1 + r() * 3 : p < 0.9 ? 4 + r() * 8 : 24 + r() * 48;
  return {
    startsAt: new Date(start),
    endsAt: new Date(start + Math.round((hours * 3_600_000) / QUARTER_HOUR) * QUARTER_HOUR),
  };
}

export const BENCH_RISK_FLAGS = [
  "TACTICAL_TEAM",
  "ARMED_SUBJECT_EXPECTED",
  "VEHICLES",
  "K9",
  "AIRCRAFT",
  "PLAIN_CLOTHES",
];

export function randomFlags(r: Rng): string[] {
  return BENCH_RISK_FLAGS.filter(() => r() < 0.15);
}
