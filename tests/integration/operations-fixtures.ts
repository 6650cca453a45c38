// Agencies, actors and operation inputs for the operations, conflicts, concurrency and API tests.
// Agencies are created directly (no seeded users needed); actors are built as getActor() would.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";

export type TestAgency = { id: string; name: string; slug: string };

let counter = 0;

export async function makeAgency(
  db: Db,
  opts: { name?: string; proximityBufferM?: number; timeBufferMinutes?: number; timeZone?: string } = {},
): Promise<TestAgency> {
  const n = ++counter;
  const slug = `test-agency-${n}-${randomUUID().slice(0, 8)}`;
  const name = opts.name ?? `Test Agency ${n}`;
  const row = await db.agency.create({
    data: {
      slug,
      name,
      shortName: `TA${n}`,
      level: "LOCAL",
      kind: "POLICE",
      timeZone: opts.timeZone ?? "America/Chicago",
      phone24x7: `+1 312 555 01${String(n % 100).padStart(2, "0")}`,
      proximityBufferM: opts.proximityBufferM ?? 500,
      timeBufferMinutes: opts.timeBufferMinutes ?? 60,
    },
  });
  return { id: row.id, name: row.name, slug };
}

export function actorOf(agency: TestAgency, roles: Role[] = ["LIAISON", "SUPERVISOR"], name = "Test User"): Actor {
  const id = randomUUID();
  return {
    kind: "USER",
    id,
    userId: id,
    name,
    email: `${id.slice(0, 8)}@${agency.slug}.test`,
    agencyId: agency.id,
    agencyName: agency.name,
    agencyTimeZone: "America/Chicago",
    roles,
    isPlatformAdmin: false,
    locale: "en",
    sessionId: null,
    requestId: randomUUID(),
    sourceIp: "198.51.100.7",
  };
}

export const T0 = new Date("2027-03-10T14:00:00Z");
export const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

/** A complete, valid filing; override any field. Times are ISO strings with an offset, as a client sends. */
export function operationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "SEARCH_WARRANT",
    title: "Warehouse search, north side",
    area: { kind: "CIRCLE", center: [-87.65, 41.9], radiusM: 300 },
    startsAt: hours(0).toISOString(),
    endsAt: hours(4).toISOString(),
    leadAgencyName: "Test Agency",
    commanderName: "Lt. Dana Whitfield",
    commanderPhone: "+1 312 555 0142",
    commsPlan: "Primary on CPD Citywide 2; fallback ISPERN.",
    radioChannel: "Citywide 2",
    talkgroup: "",
    interopChannel: "ISPERN",
    personnelCount: 12,
    riskFlags: ["TACTICAL_TEAM"],
    notes: "Stage at the rear lot.",
    status: "PLANNED",
    ...overrides,
  };
}

export const circle = (lon: number, lat: number, radiusM: number) => ({ kind: "CIRCLE", center: [lon, lat], radiusM });
