// Seeds the demo world on the first run only ("first run": the database has no agency), and only
// where scripts/lib/demo-policy.ts allows it. The seed lives in prisma/seed.ts (`export async
// function seed(db)`); it is loaded by path so the tooling still starts, without demo data, in a
// checkout that has none.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createDb, type Db } from "../../lib/db/client";
import { DEMO_EMAIL_SUFFIX, DEMO_WORLD_SETTING } from "../../lib/auth/demo";
import { DEMO_IN_PRODUCTION, demoSeedDecision, type DemoRequest } from "./demo-policy";
import type { Say } from "./say";
import { repoRoot } from "./script-env";

const SEED_MODULE = path.join(repoRoot, "prisma", "seed.ts");

/** A refusal the tooling explains and exits non-zero on, without a stack trace. */
export class DemoPolicyError extends Error {}

export async function seedIfEmpty(url: string, log: Say): Promise<boolean> {
  const db = createDb(url, 2);
  try {
    if ((await db.agency.count()) > 0) return false;
    if (!fs.existsSync(SEED_MODULE)) {
      log.warn("No prisma/seed.ts in this checkout: starting without demo data");
      return false;
    }
    log.step("First run: seeding the demo agencies and accounts");
    const { seed, seedActivity } = (await import(pathToFileURL(SEED_MODULE).href)) as {
      seed(db: Db): Promise<void>;
      seedActivity?: (db: Db) => Promise<number>;
    };
    await seed(db);
    log.ok(`Seeded ${await db.agency.count()} agencies`);
    // The week ahead: dashboards with something on them. The accounts work without it.
    if (seedActivity) {
      try {
        log.ok(`Filed ${await seedActivity(db)} demo operations for the week ahead`);
      } catch (err) {
        log.warn(`The demo week ahead could not be filed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return true;
  } finally {
    await db.$disconnect();
  }
}

/** Whether the database holds the demo world: the seed's mark, or any account under `.demo`. */
export async function holdsDemoWorld(url: string): Promise<boolean> {
  const db = createDb(url, 1);
  try {
    if (await db.systemSetting.findUnique({ where: { key: DEMO_WORLD_SETTING }, select: { key: true } })) return true;
    return (await db.user.count({ where: { email: { endsWith: DEMO_EMAIL_SUFFIX, mode: "insensitive" } } })) > 0;
  } finally {
    await db.$disconnect();
  }
}

/**
 * `npm start`'s rule: a production start refuses an external database holding demo accounts;
 * the demo world is seeded where the policy allows, and a refused request stops the start.
 */
export async function prepareDemoWorld(url: string, request: DemoRequest, log: Say): Promise<void> {
  if (request.production && !request.embedded && (await holdsDemoWorld(url)))
    throw new DemoPolicyError(DEMO_IN_PRODUCTION);
  const decision = demoSeedDecision(request);
  if (!decision.seed) {
    if (decision.refusal) throw new DemoPolicyError(decision.refusal);
    if (!request.embedded && (await hasNoAccounts(url))) {
      log.warn("This database has no accounts yet (no demo data is added to an external database).");
      log.detail("Create the first platform administrator: npm run admin:create -- --help");
    }
    return;
  }
  await seedIfEmpty(url, log);
}

async function hasNoAccounts(url: string): Promise<boolean> {
  const db = createDb(url, 1);
  try {
    return (await db.user.count()) === 0;
  } finally {
    await db.$disconnect();
  }
}
