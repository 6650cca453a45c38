// POST /api/v1/conflicts/:id/acknowledge — acknowledge for this agency's side.
import { acknowledgeConflict } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { json, tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (_req, { actor, now, params }) =>
  json(await acknowledgeConflict({ db: db(), actor, conflictId: params.id, now })),
);
