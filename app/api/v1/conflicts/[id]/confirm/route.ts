// POST /api/v1/conflicts/:id/confirm — confirm the other agency's proposed outcome: the conflict is resolved with it.
import { conflict } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { confirmConflictOutcome } from "@/lib/conflicts/outcome";
import { db } from "@/lib/db/client";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (_req, { actor, now, params }) =>
  respond(conflict, await confirmConflictOutcome({ db: db(), actor, conflictId: params.id, now })),
);
