// GET /api/v1/conflicts — the agency's conflict queue: OPEN first, most severe, newest
// (?status=OPEN|RESOLVED|CLOSED&operationId=&page=&pageSize=).
import { conflictPage } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { listConflictsForActor } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { queryOf } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor }) =>
  respond(conflictPage, await listConflictsForActor({ db: db(), actor, input: queryOf(req) })),
);
