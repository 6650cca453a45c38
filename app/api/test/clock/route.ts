// Test-only: moves the server's clock so end-to-end tests can let 30 idle minutes pass.
// Exists only when TEST_CLOCK=1; otherwise every request gets a 404.
import { z } from "zod";
import { currentTime, setClockOffset } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { handleErrors } from "@/lib/http/api-error";
import { readBody } from "@/lib/http/body";
import { jsonResponse } from "@/lib/http/json-response";

const bodySchema = z.object({
  offsetMs: z
    .number()
    .int()
    .min(-366 * 86_400_000)
    .max(366 * 86_400_000),
});

function requireTestClock(): void {
  if (env().TEST_CLOCK !== "1") throw new NotFoundError();
}

export const POST = handleErrors(async (req: Request) => {
  requireTestClock();
  const { offsetMs } = bodySchema.parse(await readBody(req));
  await setClockOffset(db(), offsetMs);
  return jsonResponse({ offsetMs, now: (await currentTime(db())).toISOString() });
});

export const GET = handleErrors(async () => {
  requireTestClock();
  return jsonResponse({ now: (await currentTime(db())).toISOString() });
});
