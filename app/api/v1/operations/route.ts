// GET /api/v1/operations — the token's agency's own operations (paginated; ?status=&page=&pageSize=).
// POST /api/v1/operations — file an operation; the check runs and conflicts are recorded.
import { fileOperationResult, operationPage } from "@/lib/api-contract/operations";
import { respond } from "@/lib/api-contract/respond";
import { fileOperation } from "@/lib/operations/file-operation";
import { listOwnOperations } from "@/lib/operations/read-operations";
import { db } from "@/lib/db/client";
import { queryOf, readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor }) =>
  respond(operationPage, await listOwnOperations({ db: db(), actor, input: queryOf(req) })),
);

export const POST = tokenRoute("file", async (req, { actor, now }) => {
  const { operation, conflicts } = await fileOperation({ db: db(), actor, input: await readBody(req), now });
  return respond(fileOperationResult, { operation, conflicts: conflicts.map((c) => ({ id: c.id })) }, 201, {
    location: `/api/v1/operations/${operation.id}`,
  });
});
