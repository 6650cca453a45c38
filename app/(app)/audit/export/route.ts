// Download the audit log's filtered view as CSV, for the agency's auditors and admins (anyone else
// gets a plain 404). The same filters as the page; the download is itself audited.
import { signedInDownload } from "@/app/_lib/download";
import { getLocale, getT } from "@/app/_i18n/server";
import { exportAuditCsv } from "@/lib/audit/export-csv";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { auditFilterSchema } from "@/lib/validation/audit";
import { firstValues } from "@/lib/validation/lists";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  return signedInDownload("audit export", async (actor) => {
    const filter = auditFilterSchema.parse(firstValues(new URL(req.url).searchParams));
    const [t, locale] = await Promise.all([getT(), getLocale()]);
    const csv = await exportAuditCsv({ db: db(), actor, filter, t, locale, now: await currentTime(db()) });
    return { body: csv, contentType: "text/csv; charset=utf-8", filename: "audit-log.csv" };
  });
}
