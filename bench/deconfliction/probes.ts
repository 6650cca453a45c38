// The probes: the same spread as the seeded operations (a place, an area, a window of 1–6 hours),
// each asked by an agency of that place — what a liaison drawing on the map would send.
import type { Actor } from "@/lib/auth/actor";
import { randomUUID } from "node:crypto";
import { PlacePicker, randomArea, randomFlags, rng, TWO_YEARS_MS } from "./generate";
import type { County } from "./places";
import { agencyFor, type BenchAgency, type BenchWorld } from "./seed";

export type Probe = {
  agency: BenchAgency;
  input: { area: unknown; startsAt: string; endsAt: string; riskFlags: string[] };
};

export function makeProbes(world: BenchWorld, counties: County[], now: Date, count: number, seed: number): Probe[] {
  const r = rng(seed);
  const picker = new PlacePicker(counties);
  return Array.from({ length: count }, () => {
    const place = picker.pick(r);
    const start = Math.round((now.getTime() - TWO_YEARS_MS + r() * 2 * TWO_YEARS_MS) / 900_000) * 900_000;
    const hours = 1 + Math.floor(r() * 6);
    return {
      agency: agencyFor(world, place, r()),
      input: {
        area: randomArea(r, place.lon, place.lat),
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + hours * 3_600_000).toISOString(),
        riskFlags: randomFlags(r),
      },
    };
  });
}

export function benchActor(agency: BenchAgency, roles: Actor["roles"] = ["LIAISON", "SUPERVISOR"]): Actor {
  const id = randomUUID();
  return {
    kind: "USER",
    id,
    userId: id,
    name: "Benchmark liaison",
    email: null,
    agencyId: agency.id,
    agencyName: agency.name,
    agencyTimeZone: "America/Chicago",
    roles,
    isPlatformAdmin: false,
    locale: "en",
    sessionId: null,
    requestId: randomUUID(),
    sourceIp: null,
  };
}
