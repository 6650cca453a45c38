// POST /api/v1/conflicts/:id/reopen — reopen a resolved conflict: { reason }.
import { conflict } from "@/lib/api-contract/conflicts";
import { respond } from "@/lib/api-contract/respond";
import { reopenConflict } from "@/lib/conflicts/outcome";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("conflicts", async (req, { actor, now, params }) =>
  respond(conflict, await reopenConflict({ db: db(), actor, conflictId: params.id, input: await readBody(req), now })),
);
