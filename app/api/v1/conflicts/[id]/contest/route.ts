// POST /api/v1/conflicts/:id/contest — contest the other agency's proposed outcome with this
// agency's view: { outcome, note }. Both views stay on record; the conflict stays open.
import { conflict } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { contestConflictOutcome } from "@/lib/conflicts/outcome";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (req, { actor, now, params }) =>
  respond(
    conflict,
    await contestConflictOutcome({ db: db(), actor, conflictId: params.id, input: await readBody(req), now }),
  ),
);
