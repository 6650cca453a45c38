// Interactive transactions under a burst: when every pooled connection is busy for longer than
// Prisma's default wait (2 s), the next transaction waits for one instead of failing.
import { afterAll, describe, expect, it } from "vitest";
import { createDb, TRANSACTION_DEFAULTS } from "@/lib/db/client";
import { useFreshDb } from "./helpers/db";

describe("interactive transactions", () => {
  const t = useFreshDb();
  const clients: ReturnType<typeof createDb>[] = [];
  afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

  it("wait longer than Prisma's 2 s for a connection when the pool is busy", async () => {
    expect(TRANSACTION_DEFAULTS.maxWait).toBeGreaterThan(3_000);
    const db = createDb(t().url, 1);
    clients.push(db);
    // The pool's only connection is held for 3 s by a slow transaction.
    const slow = db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_sleep(3)`;
      return "slow";
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = db.$transaction(async (tx) => {
      await tx.systemSetting.create({ data: { key: "after-the-burst", value: true } });
      return "next";
    });
    expect(await Promise.all([slow, next])).toEqual(["slow", "next"]);
    expect(await t().db.systemSetting.count({ where: { key: "after-the-burst" } })).toBe(1);
  }, 30_000);
});
