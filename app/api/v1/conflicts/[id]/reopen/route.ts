// POST /api/v1/conflicts/:id/reopen — reopen a resolved conflict: { reason }.
import { reopenConflict } from "@/lib/conflicts/outcome";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { json, tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (req, { actor, now, params }) =>
  json(await reopenConflict({ db: db(), actor, conflictId: params.id, input: await readBody(req), now })),
);
