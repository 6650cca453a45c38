// Seeds the demo world: agencies around Chicago and their demo accounts. Idempotent: a database
// that already has agencies is left alone. `npm run db:seed` runs it against DATABASE_URL.
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../lib/db/generated/client";
import type { Tx } from "../lib/db/client";
import { recordAudit } from "../lib/audit/record";
import { boundaryColumns } from "../lib/agencies/boundary";
import { hashPassword } from "../lib/auth/password";
import { encryptTotpSecret } from "../lib/auth/totp";
import { demoTotpSecret } from "../lib/auth/demo";
import { DEMO_TIME_ZONE, demoAgencies, type SeedAgency } from "./seed/agencies";
import { DEMO_PASSWORD, demoUsers, type SeedUser } from "./seed/accounts";

/** Two processes starting at once (two app instances) must not both seed. */
const SEED_LOCK_KEY = 7_274_002;
const SEED_LABEL = "seed";

export async function seed(db: PrismaClient): Promise<void> {
  if ((await db.agency.count()) > 0) return;
  const agencies = demoAgencies();
  const users = demoUsers(agencies);
  // Hashing is deliberately slow; every demo account shares the password, so hash it once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const secrets = new Map(users.map((u) => [u.email, encryptTotpSecret(demoTotpSecret(u.email))]));
  const now = new Date();

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      if ((await tx.agency.count()) > 0) return;
      const agencyIds = await createAgencies(tx, agencies, now);
      await createUsers(tx, users, agencyIds, { passwordHash, secrets, now });
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

async function createAgencies(tx: Tx, agencies: SeedAgency[], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of agencies) {
    const row = await tx.agency.create({
      data: {
        slug: a.slug,
        name: a.name,
        shortName: a.shortName,
        level: a.level,
        kind: a.kind,
        ...boundaryColumns(a.boundary),
        timeZone: DEMO_TIME_ZONE,
        phone24x7: a.phone24x7,
        email: `watch@${a.slug}.demo`,
        backupContactName: a.backupContactName,
        backupContactPhone: a.backupContactPhone,
        backupContactEmail: `backup@${a.slug}.demo`,
        languages: a.languages,
        noticeLeadHours: a.noticeLeadHours,
        proximityBufferM: a.proximityBufferM,
        ackWindowMinutes: a.ackWindowMinutes,
        createdAt: now,
      },
      select: { id: true },
    });
    ids.set(a.slug, row.id);
    await recordAudit(tx, {
      action: "seed.agency.create",
      targetType: "Agency",
      targetId: row.id,
      agencyId: row.id,
      actorLabel: SEED_LABEL,
      details: { slug: a.slug, name: a.name, level: a.level, kind: a.kind },
      at: now,
    });
  }
  return ids;
}

type Credentials = { passwordHash: string; secrets: Map<string, string>; now: Date };

async function createUsers(tx: Tx, users: SeedUser[], agencyIds: Map<string, string>, c: Credentials): Promise<void> {
  for (const u of users) {
    const agencyId = agencyIds.get(u.agencySlug);
    if (!agencyId) throw new Error(`Seed user ${u.email} names unknown agency ${u.agencySlug}`);
    const row = await tx.user.create({
      data: {
        agencyId,
        email: u.email,
        name: u.name,
        title: u.title,
        roles: u.roles,
        isPlatformAdmin: u.isPlatformAdmin,
        passwordHash: c.passwordHash,
        passwordChangedAt: c.now,
        totpSecret: c.secrets.get(u.email),
        mfaEnrolledAt: c.now,
        createdAt: c.now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "seed.user.create",
      targetType: "User",
      targetId: row.id,
      agencyId,
      actorLabel: SEED_LABEL,
      details: { email: u.email, roles: u.roles, isPlatformAdmin: u.isPlatformAdmin },
      at: c.now,
    });
  }
}

async function main() {
  const { db } = await import("../lib/db/client");
  const { log } = await import("../lib/log");
  const client = db();
  try {
    const before = await client.agency.count();
    await seed(client);
    const after = await client.agency.count();
    log.info({ agencies: after, created: after - before }, before > 0 ? "database already seeded" : "demo world seeded");
  } finally {
    await client.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`Seeding failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
