// A published report as CSV or JSON: /transparency/<agency>/reports/2026-Q3.csv, …/2026.json.
// Only frozen, published reports exist here; a draft or an unknown period is not found. Small
// counts leave as "<5" (docs/federal-request-reports.md).
import { parsePeriodLabel } from "@/lib/public-record/public-read";
import { cachedReportExport } from "../../../_lib/cache";
import { notFoundText, PUBLIC_CACHE, publicDownload } from "../../../_lib/downloads";

type Ctx = { params: Promise<{ slug: string; file: string }> };

export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  return publicDownload(req, async () => {
    const { slug, file } = await ctx.params;
    const m = /^(.+)\.(csv|json)$/.exec(file);
    const period = m ? parsePeriodLabel(m[1]) : null;
    if (!m || !period || slug.length > 100) return notFoundText();
    const report = await cachedReportExport(slug, period);
    if (!report) return notFoundText();
    const name = `${slug}-${m[1]}.${m[2]}`;
    if (m[2] === "csv")
      return new Response(report.csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}"`,
          "Cache-Control": PUBLIC_CACHE,
        },
      });
    return new Response(`${JSON.stringify(report.json, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": PUBLIC_CACHE,
      },
    });
  });
}
