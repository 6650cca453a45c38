// GET /api/v1/conflicts/:id — one conflict as this agency's side sees it (need to know).
import { conflict } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { getConflictForActor } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (_req, { actor, params }) =>
  respond(conflict, await getConflictForActor({ db: db(), actor, conflictId: params.id })),
);
