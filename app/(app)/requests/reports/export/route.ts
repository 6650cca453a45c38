// Download a request report as CSV or JSON (publishable figures only: 1–4 as "<5"), for the
// agency's chiefs, supervisors, auditors and admins. Anyone else gets a plain 404.
import { randomUUID } from "node:crypto";
import { getT } from "@/app/_i18n/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getReport, parsePeriod, reportCsv, reportJson } from "@/lib/requests/reports";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(req: Request): Promise<Response> {
  const t = await getT("errors");
  const actor = await getActor();
  if (!actor) return plain(401, t("unauthorized"));
  try {
    const q = new URL(req.url).searchParams;
    const report = await getReport({ db: db(), actor, period: parsePeriod({ year: q.get("year"), quarter: q.get("quarter") ?? "" }) });
    const name = `federal-requests-${report.period.year}${report.period.quarter ? `-q${report.period.quarter}` : ""}`;
    const headers = { "Cache-Control": "private, no-store" };
    if (q.get("format") === "json") return new Response(JSON.stringify(reportJson(report), null, 2), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.json"` } });
    return new Response(reportCsv(report), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` } });
  } catch (e) {
    if (isAppError(e) && e.status === 422) return plain(422, t("validation"));
    if (isAppError(e)) return plain(404, t("notFound"));
    const requestId = randomUUID();
    log.error({ err: e, requestId }, "report export failed");
    return plain(500, t("generic", { requestId }));
  }
}
