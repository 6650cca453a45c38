// Download a request report as CSV or JSON (publishable figures only: 1–4 as "<5"), for the
// agency's chiefs, supervisors, auditors and admins. Anyone else gets a plain 404.
import { signedInDownload } from "@/app/_lib/download";
import { db } from "@/lib/db/client";
import { getReport, parsePeriod, reportCsv, reportJson } from "@/lib/requests/reports";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  return signedInDownload("report export", async (actor) => {
    const q = new URL(req.url).searchParams;
    const report = await getReport({
      db: db(),
      actor,
      period: parsePeriod({ year: q.get("year"), quarter: q.get("quarter") ?? "" }),
    });
    const name = `federal-requests-${report.period.year}${report.period.quarter ? `-q${report.period.quarter}` : ""}`;
    if (q.get("format") === "json")
      return {
        body: JSON.stringify(reportJson(report), null, 2),
        contentType: "application/json; charset=utf-8",
        filename: `${name}.json`,
      };
    return { body: reportCsv(report), contentType: "text/csv; charset=utf-8", filename: `${name}.csv` };
  });
}
