// Seeds the demo world on the first run only: "first run" means the database has no agency.
// The seed lives in prisma/seed.ts (`export async function seed(db)`); it is loaded by path so
// the tooling still starts, without demo data, in a checkout that has none.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createDb, type Db } from "../../lib/db/client";
import type { Say } from "./say";
import { repoRoot } from "./script-env";

const SEED_MODULE = path.join(repoRoot, "prisma", "seed.ts");

export async function seedIfEmpty(url: string, log: Say): Promise<boolean> {
  const db = createDb(url, 2);
  try {
    if ((await db.agency.count()) > 0) return false;
    if (!fs.existsSync(SEED_MODULE)) {
      log.warn("No prisma/seed.ts in this checkout: starting without demo data");
      return false;
    }
    log.step("First run: seeding the demo agencies and accounts");
    const { seed } = (await import(pathToFileURL(SEED_MODULE).href)) as { seed(db: Db): Promise<void> };
    await seed(db);
    log.ok(`Seeded ${await db.agency.count()} agencies`);
    return true;
  } finally {
    await db.$disconnect();
  }
}
