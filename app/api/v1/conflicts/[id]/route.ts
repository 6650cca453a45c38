// GET /api/v1/conflicts/:id — one conflict as this agency's side sees it (need to know).
import { getConflictForActor } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { json, tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (_req, { actor, params }) =>
  json(await getConflictForActor({ db: db(), actor, conflictId: params.id })),
);
