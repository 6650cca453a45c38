// The statewide roll-up of the latest published quarter as CSV, beside the statewide page: each
// participating agency's published figures ("<5" where withheld) and the totals (">=N" where a
// part was withheld). Kept in memory between publications; each address is limited like the other downloads.
import { latestQuarter, statewideCsv } from "@/lib/public-record/rollup";
import { cachedAllRecords } from "../_lib/cache";
import { notFoundText, publicDownload } from "../_lib/downloads";

export async function GET(req: Request): Promise<Response> {
  return publicDownload(req, async () => {
    const records = await cachedAllRecords();
    const latest = latestQuarter(records.flatMap((r) => r.reports));
    if (!latest) return notFoundText();
    const rows = records.flatMap((r) => {
      const rep = r.reports.find((p) => p.year === latest.year && p.quarter === latest.quarter);
      return rep ? [{ agency: r.agency, figures: rep.figures }] : [];
    });
    return new Response(statewideCsv(latest, rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="statewide-${latest.year}-Q${latest.quarter}.csv"`,
      },
    });
  });
}
