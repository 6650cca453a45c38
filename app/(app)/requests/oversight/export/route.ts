// Download the agency's request log as CSV, for its auditors and chiefs; the same filters as the
// oversight page. Never the local reference. Anyone else gets a plain 404.
import { randomUUID } from "node:crypto";
import { getT } from "@/app/_i18n/server";
import { getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { exportRequestsCsv } from "@/lib/requests/export-csv";
import { parseFilter } from "@/lib/requests/read-requests";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(req: Request): Promise<Response> {
  const t = await getT("errors");
  const actor = await getActor();
  if (!actor) return plain(401, t("unauthorized"));
  try {
    const filter = parseFilter(Object.fromEntries(new URL(req.url).searchParams.entries()));
    const csv = await exportRequestsCsv({ db: db(), actor, filter, now: await currentTime(db()) });
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="federal-requests.csv"', "Cache-Control": "private, no-store" } });
  } catch (e) {
    if (isAppError(e) && e.status === 422) return plain(422, t("validation"));
    if (isAppError(e)) return plain(404, t("notFound"));
    const requestId = randomUUID();
    log.error({ err: e, requestId }, "request export failed");
    return plain(500, t("generic", { requestId }));
  }
}
