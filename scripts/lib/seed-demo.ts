// Seeds the demo world on the first run only: "first run" means the database has no agency.
import { createDb } from "../../lib/db/client";
import type { Say } from "./say";

export async function seedIfEmpty(url: string, log: Say): Promise<boolean> {
  const db = createDb(url, 2);
  try {
    if ((await db.agency.count()) > 0) return false;
    log.step("First run: seeding the demo agencies and accounts");
    const { seed } = await import("../../prisma/seed");
    await seed(db);
    log.ok(`Seeded ${await db.agency.count()} agencies`);
    return true;
  } finally {
    await db.$disconnect();
  }
}
