// Seeds the demo world: agencies around Chicago, their demo accounts, and a year of federal
// requests to three sheriffs with different policies, and what those sheriffs publish. Idempotent: a database
// that already has agencies is left alone. Run through `npm start` or `npm run db:seed`, which
// decide where the demo world may go (scripts/lib/demo-policy.ts); it has no entry point of its own.
import type { PrismaClient } from "../lib/db/generated/client";
import type { Tx } from "../lib/db/client";
import { recordAudit } from "../lib/audit/record";
import { boundaryColumns } from "../lib/agencies/boundary";
import { hashPassword } from "../lib/auth/password";
import { encryptTotpSecret } from "../lib/auth/totp";
import { DEMO_WORLD_SETTING, demoTotpSecret } from "../lib/auth/demo";
import { DEMO_TIME_ZONE, demoAgencies, type SeedAgency } from "./seed/agencies";
import { DEMO_PASSWORD, demoUsers, type SeedUser } from "./seed/accounts";
import { seedPublicRecord } from "./seed/public-record";
import { seedRequests } from "./seed/requests";
import { seedWebhooks } from "./seed/webhooks";

// The week ahead of the demo (operations, notices, conflicts): run by `npm start` after seed().
export { seedActivity } from "./seed/activity";

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
      await seedRequests(tx, agencyIds, now);
      await seedFilingDefaults(tx, now);
      await seedWebhooks(tx, agencyIds, now, SEED_LABEL);
      await seedPublicRecord(tx, agencyIds, now);
      // The mark a production start refuses (scripts/lib/demo-policy.ts): this database is a demo.
      await tx.systemSetting.upsert({
        where: { key: DEMO_WORLD_SETTING },
        create: {
          key: DEMO_WORLD_SETTING,
          value: { seededAt: now.toISOString(), agencies: agencies.length, users: users.length },
        },
        update: {},
      });
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

/** A liaison who files often has saved their usual command and comms details (lib/users/filing-defaults.ts). */
async function seedFilingDefaults(tx: Tx, now: Date): Promise<void> {
  const liaison = await tx.user.findUnique({
    where: { email: "liaison@ice-ero-chicago.demo" },
    select: { id: true, agencyId: true },
  });
  if (!liaison) return;
  await tx.filingDefaults.create({
    data: {
      userId: liaison.id,
      agencyId: liaison.agencyId,
      commanderName: "SDDO Curtis Langley",
      commanderPhone: "+1 312 555 0148",
      commsPlan: "ERO Chicago tactical 1 for command; patch to the host's dispatch through ISPERN on request.",
      radioChannel: "ERO TAC 1",
      updatedAt: now,
    },
  });
}
