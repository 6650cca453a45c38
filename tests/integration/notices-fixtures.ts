// The seeded demo world for the notice tests: real county boundaries from us-atlas, the demo
// agencies and their accounts, and filings placed on, across and just outside those boundaries.
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { actorFor } from "./helpers/actors";

export const T0 = new Date("2027-03-10T14:00:00Z");
export const at = (h: number) => new Date(T0.getTime() + h * 3_600_000);
export const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

/** On the Cook–DuPage county line at 41.85° N (County Line Road is near −87.922°). */
export const COOK_DUPAGE_LINE = { kind: "CIRCLE", center: [-87.922, 41.85], radiusM: 600 };
/** In Kane County, about a kilometre west of the DuPage line: in neither Cook nor DuPage. */
export const JUST_OUTSIDE_DUPAGE = { kind: "CIRCLE", center: [-88.277, 41.85], radiusM: 400 };
/** Beside the Broadview processing facility, the ICE field office's mapped boundary (Cook County, outside Chicago). */
export const BROADVIEW = { kind: "CIRCLE", center: [-87.8555, 41.8578], radiusM: 250 };
/** The Loop, inside Chicago and Cook County, away from any federal facility. */
export const LOOP = { kind: "CIRCLE", center: [-87.6255, 41.8835], radiusM: 200 };

export function filing(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "ARREST_WARRANT",
    title: "Warrant service, west suburbs",
    area: COOK_DUPAGE_LINE,
    startsAt: at(30).toISOString(),
    endsAt: at(34).toISOString(),
    leadAgencyName: "Lead agency",
    commanderName: "SSA Holly Kwan",
    commanderPhone: "+1 312 555 0140",
    commsPlan: "Primary on the federal tactical channel; patch to county dispatch on request.",
    radioChannel: "FTAC 2",
    interopChannel: "ISPERN",
    personnelCount: 8,
    riskFlags: ["TACTICAL_TEAM"],
    notes: "Internal staging notes.",
    status: "PLANNED",
    impactRoadClosures: "Brief closure of 22nd Street eastbound",
    impactSchools: "",
    impactCrowding: "None expected",
    pioName: "PIO Dana Ortiz",
    pioPhone: "+1 312 555 0177",
    pioEmail: "pio@example.gov",
    publicStatementMode: "APPROVED",
    publicStatementEn: "Federal agents are conducting a planned law enforcement operation in the area.",
    publicStatementEs: "Agentes federales realizan un operativo policial planificado en la zona.",
    ...overrides,
  };
}

export async function seededWorld(db: Db) {
  await seed(db);
  const agencies = new Map((await db.agency.findMany({ select: { id: true, slug: true } })).map((a) => [a.slug, a.id]));
  const id = (slug: string) => {
    const found = agencies.get(slug);
    if (!found) throw new Error(`No seeded agency ${slug}`);
    return found;
  };
  const actors = new Map<string, Actor>();
  const as = async (email: string) => {
    const cached = actors.get(email);
    if (cached) return cached;
    const actor = await actorFor(db, email);
    actors.set(email, actor);
    return actor;
  };
  return { id, as };
}
