// POST /api/v1/deconfliction/check — a dry run: an area (at most 50 km across) and a window (at
// most 7 days) in, the conflicts they would have out. Nothing is stored.
//
// 200 { checkedAt, conflicts: [...] }, each conflict one of
//   { scope: "OWN_AGENCY", agency, ownOperation: { id, ref, title }, severity, minDistanceM,
//     areasIntersect, containment, overlapMinutes, overlapStart, overlapEnd, where }
//   { scope: "OTHER_AGENCY", agency: { id, name, phone24x7 }, overlapStart, overlapEnd }
//     (one per agency; the times widened outward to whole hours, nothing about where or how)
// 422 with the field (area, endsAt) when the probe is larger than one operation could be;
// 429 with Retry-After past the per-token or per-agency allowance (lib/rate-limit/limits.ts).
// The request's audit event carries the box and window looked at (details.dryRun).
import { dryRunResult } from "@/lib/api-contract/operations";
import { respond } from "@/lib/api-contract/respond";
import { dryRunCheck } from "@/lib/operations/dry-run";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, addAuditDetails }) => {
  const result = await dryRunCheck({
    db: db(),
    actor,
    input: await readBody(req),
    now,
    sink: (dryRun) => addAuditDetails({ dryRun }),
  });
  return respond(dryRunResult, result);
});
