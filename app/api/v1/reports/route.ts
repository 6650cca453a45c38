// GET /api/v1/reports?year=2027&quarter=1 — the token's agency's own request report (omit quarter
// for the year), in the documented JSON format (docs/federal-request-report.schema.json).
import { db } from "@/lib/db/client";
import { getReport, parsePeriod, reportJson } from "@/lib/requests/reports";
import { queryOf } from "@/lib/http/body";
import { json, tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor }) => {
  const q = queryOf(req);
  return json(
    reportJson(await getReport({ db: db(), actor, period: parsePeriod({ year: q.year, quarter: q.quarter ?? "" }) })),
  );
});
