// The integration harness itself: each freshDb() is a separate, fully migrated, empty database.
import { describe, expect, it } from "vitest";
import { freshDb, useFreshDb } from "./helpers/db";

describe("freshDb", () => {
  const shared = useFreshDb();

  it("has every migration applied and no rows", async () => {
    const { db } = shared();
    const migrations = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.every((m) => m.finished_at !== null)).toBe(true);
    expect(await db.agency.count()).toBe(0);
  });

  it("keeps each database's rows to itself and drops it afterwards", async () => {
    const other = await freshDb();
    try {
      await other.db.systemSetting.create({ data: { key: "only-here", value: true } });
      expect(await other.db.systemSetting.count()).toBe(1);
      expect(await shared().db.systemSetting.count()).toBe(0);
    } finally {
      await other.drop();
    }
    const { db } = shared();
    const left = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pg_database WHERE datname = ${other.name}`;
    expect(Number(left[0].n)).toBe(0);
  });
});
