// POST /api/v1/conflicts/:id/resolve — record the outcome: { outcome, note }.
import { resolveConflict } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { readBody } from "../../../_lib/body";
import { json, tokenRoute } from "../../../_lib/token-route";

export const POST = tokenRoute("conflicts", async (req, { actor, now, params }) =>
  json(await resolveConflict({ db: db(), actor, conflictId: params.id, input: await readBody(req), now })),
);
