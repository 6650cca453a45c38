// POST /api/v1/conflicts/:id/acknowledge — acknowledge for this agency's side.
import { conflict } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { acknowledgeConflict } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (_req, { actor, now, params }) =>
  respond(conflict, await acknowledgeConflict({ db: db(), actor, conflictId: params.id, now })),
);
