// The server's notion of "now". With TEST_CLOCK=1 an offset stored in the database moves it,
// so end-to-end tests can make 30 idle minutes pass; otherwise it is the system clock.
import type { Db } from "./db/client";
import { env } from "./env";

export const CLOCK_OFFSET_KEY = "test.clockOffsetMs";

export async function currentTime(db: Db): Promise<Date> {
  if (env().TEST_CLOCK !== "1") return new Date();
  const row = await db.systemSetting.findUnique({ where: { key: CLOCK_OFFSET_KEY } });
  const offset = typeof row?.value === "number" ? row.value : 0;
  return new Date(Date.now() + offset);
}

export async function setClockOffset(db: Db, offsetMs: number): Promise<void> {
  if (env().TEST_CLOCK !== "1") throw new Error("The test clock is disabled");
  await db.systemSetting.upsert({
    where: { key: CLOCK_OFFSET_KEY },
    create: { key: CLOCK_OFFSET_KEY, value: offsetMs },
    update: { value: offsetMs },
  });
}
