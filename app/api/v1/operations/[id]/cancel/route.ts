// POST /api/v1/operations/:id/cancel — cancel the operation (optional body: { reason, version });
// its OPEN conflicts close with OPERATION_CANCELLED.
import { cancelOperationResult } from "@/lib/api-contract/operations";
import { respond } from "@/lib/api-contract/respond";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { db } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, params }) => {
  const body = await readBody(req, { optional: true });
  const result = await transitionOperation({
    db: db(),
    actor,
    operationId: params.id,
    input: { ...body, transition: "CANCEL" },
    now,
  });
  return respond(cancelOperationResult, {
    operation: result.operation,
    closedConflicts: result.closed.map((c) => ({ id: c.id })),
  });
});
