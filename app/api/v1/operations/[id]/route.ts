// GET /api/v1/operations/:id — one of the agency's own operations, with its change history.
// PATCH /api/v1/operations/:id — edit it (send `version`); the check runs again.
import { operationDetail, updateOperationResult } from "@/lib/api-contract/operations";
import { respond } from "@/lib/api-contract/respond";
import { getOwnOperation } from "@/lib/operations/read-operations";
import { updateOperation } from "@/lib/operations/update-operation";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (_req, { actor, params }) =>
  respond(operationDetail, await getOwnOperation({ db: db(), actor, operationId: params.id })),
);

export const PATCH = tokenRoute("file", async (req, { actor, now, params }) => {
  const result = await updateOperation({ db: db(), actor, operationId: params.id, input: await readBody(req), now });
  return respond(updateOperationResult, {
    operation: result.operation,
    changes: result.kinds,
    conflicts: result.conflicts.map((c) => ({ id: c.id, change: c.change })),
    closedConflicts: result.closed.map((c) => ({ id: c.id })),
  });
});
