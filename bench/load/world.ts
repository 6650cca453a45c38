// The load benchmark's world: a fresh database with the demo world (agencies around Chicago, one
// account per role in each, the week ahead) and, beyond it, the extra accounts the simulated
// people need, opened through the domain's own createUser by each agency's admin.
import pg from "pg";
import { applyMigrations } from "@/scripts/db/engine";
import { quoteIdent, withClient } from "@/scripts/lib/pg-url";
import { quiet } from "@/scripts/lib/say";
import { seedIfEmpty } from "@/scripts/lib/seed-demo";

export type Role = "LIAISON" | "CHIEF" | "SUPERVISOR";
export type SimUser = { email: string; role: Role; agencySlug: string; agencyId: string; userId: string };

/**
 * The agencies that receive the most notices first (the state police host every filing in the
 * state; the Chicago-area sheriffs and city departments host most of the rest): chiefs and
 * supervisors are placed there before anywhere else.
 */
const BUSY_AGENCIES = [
  "illinois-state-police",
  "cook-sheriff",
  "chicago-pd",
  "dupage-sheriff",
  "will-sheriff",
  "kane-sheriff",
  "lake-sheriff",
  "aurora-pd",
  "joliet-pd",
  "mchenry-sheriff",
  "kendall-sheriff",
];

/** How many of each role `users` simulated people are: half liaisons, three in ten chiefs, the rest supervisors. */
export function roleCounts(users: number): Record<Role, number> {
  const liaisons = Math.round(users * 0.5);
  const chiefs = Math.round(users * 0.3);
  return { LIAISON: liaisons, CHIEF: chiefs, SUPERVISOR: Math.max(0, users - liaisons - chiefs) };
}

const LOCAL = { LIAISON: "liaison", CHIEF: "chief", SUPERVISOR: "supervisor" } as const;

/** Drops and recreates the benchmark database, migrates it and seeds the demo world. */
export async function freshDatabase(adminUrl: string, name: string, url: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  await applyMigrations(url);
  await seedIfEmpty(url, quiet);
}

type Slots = { role: Role; slug: string; n: number }[];

/** Which account each simulated person uses: the demo account of the role first, then `<role>-<n>@<slug>.demo`. */
function plan(users: number, slugs: string[]): Slots {
  const counts = roleCounts(users);
  const order = [...BUSY_AGENCIES.filter((s) => slugs.includes(s)), ...slugs.filter((s) => !BUSY_AGENCIES.includes(s))];
  const slots: Slots = [];
  for (const role of ["LIAISON", "CHIEF", "SUPERVISOR"] as const) {
    // Liaisons file from everywhere (federal offices included); chiefs and supervisors sit where notices land.
    const agencies = role === "LIAISON" ? slugs : order;
    for (let i = 0; i < counts[role]; i++)
      slots.push({ role, slug: agencies[i % agencies.length], n: Math.floor(i / agencies.length) + 1 });
  }
  return slots;
}

/**
 * The simulated people's accounts. The demo accounts exist; the others are opened by the agency's
 * admin through createUser (audited, as an admin would), then enrolled as the demo seed enrols
 * its accounts: a TOTP secret derived from the address (lib/auth/demo.ts), the password kept.
 */
export async function simulatedUsers(url: string, users: number, password: string): Promise<SimUser[]> {
  const { createDb } = await import("@/lib/db/client");
  const { userActor } = await import("@/lib/auth/actor");
  const { createUser } = await import("@/lib/users/create-user");
  const { demoTotpSecret } = await import("@/lib/auth/demo");
  const { encryptTotpSecret } = await import("@/lib/auth/totp");
  const db = createDb(url, 2);
  try {
    const agencies = await db.agency.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
    const idOf = new Map(agencies.map((a) => [a.slug, a.id]));
    const out: SimUser[] = [];
    for (const slot of plan(
      users,
      agencies.map((a) => a.slug),
    )) {
      const email =
        slot.n === 1 ? `${LOCAL[slot.role]}@${slot.slug}.demo` : `${LOCAL[slot.role]}-${slot.n}@${slot.slug}.demo`;
      let user = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (!user) {
        const admin = await db.user.findUniqueOrThrow({
          where: { email: `admin@${slot.slug}.demo` },
          include: { agency: true },
        });
        const actor = userActor(admin, { sessionId: null, requestId: "bench-load", sourceIp: null, locale: "en" });
        const now = new Date();
        const input = { email, name: `Load ${slot.role.toLowerCase()} ${slot.n}`, roles: [slot.role], password };
        user = await createUser({ db, actor, input, now });
        await db.user.update({
          where: { id: user.id },
          data: {
            totpSecret: encryptTotpSecret(demoTotpSecret(email)),
            mfaEnrolledAt: now,
            mustChangePassword: false,
          },
        });
      }
      out.push({ email, role: slot.role, agencySlug: slot.slug, agencyId: idOf.get(slot.slug)!, userId: user.id });
    }
    return out;
  } finally {
    await db.$disconnect();
  }
}

/** Settings the run reads back at the end: a plain client, so nothing of the app's pool is involved. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  return withClient(url, async (c) => (await c.query<T>(sql, params)).rows);
}
