// Download the agency's request log as CSV, for its auditors and chiefs; the same filters as the
// oversight page. Never the local reference. Anyone else gets a plain 404.
import { signedInDownload } from "@/app/_lib/download";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { exportRequestsCsv } from "@/lib/requests/export-csv";
import { parseFilter } from "@/lib/requests/read-requests";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  return signedInDownload("request export", async (actor) => {
    const filter = parseFilter(Object.fromEntries(new URL(req.url).searchParams.entries()));
    const csv = await exportRequestsCsv({ db: db(), actor, filter, now: await currentTime(db()) });
    return { body: csv, contentType: "text/csv; charset=utf-8", filename: "federal-requests.csv" };
  });
}
