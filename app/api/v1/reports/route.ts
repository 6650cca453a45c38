// GET /api/v1/reports?year=2027&quarter=1 — the token's agency's own request report (omit quarter
// for the year), in the documented JSON format (docs/federal-request-report.schema.json).
import type { z } from "zod";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { reportJsonSchema } from "@/lib/requests/report-schema";
import { getReport, parsePeriod, reportJson } from "@/lib/requests/reports";
import { queryOf } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor }) => {
  const q = queryOf(req);
  const report = reportJson(
    await getReport({ db: db(), actor, period: parsePeriod({ year: q.year, quarter: q.quarter ?? "" }) }),
  );
  // The published figures type medians loosely (a count type); respond() checks them as numbers.
  return respond(reportJsonSchema, report as z.input<typeof reportJsonSchema>);
});
