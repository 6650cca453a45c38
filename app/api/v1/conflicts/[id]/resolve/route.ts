// POST /api/v1/conflicts/:id/resolve — kept for existing callers: proposes the outcome { outcome,
// note }, as /propose does; the conflict is resolved once the other agency confirms it.
import { conflict } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { proposeConflictOutcome } from "@/lib/conflicts/outcome";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (req, { actor, now, params }) =>
  respond(
    conflict,
    await proposeConflictOutcome({ db: db(), actor, conflictId: params.id, input: await readBody(req), now }),
  ),
);
