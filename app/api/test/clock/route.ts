// Test-only: moves the server's clock so end-to-end tests can let 30 idle minutes pass.
// Exists only when TEST_CLOCK=1; otherwise every request gets a 404.
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentTime, setClockOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { handle, readJson } from "@/lib/http/api-error";

const bodySchema = z.object({
  offsetMs: z
    .number()
    .int()
    .min(-366 * 86_400_000)
    .max(366 * 86_400_000),
});

const notFound = () => NextResponse.json({ error: { code: "NOT_FOUND" } }, { status: 404 });

export const POST = handle(async (req: Request) => {
  if (env().TEST_CLOCK !== "1") return notFound();
  const { offsetMs } = await readJson(req, bodySchema);
  await setClockOffset(db(), offsetMs);
  return NextResponse.json({ offsetMs, now: (await currentTime(db())).toISOString() });
});

export const GET = handle(async () => {
  if (env().TEST_CLOCK !== "1") return notFound();
  return NextResponse.json({ now: (await currentTime(db())).toISOString() });
});
