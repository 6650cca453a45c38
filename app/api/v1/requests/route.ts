// GET /api/v1/requests?box=queue|log|submitted — the token's agency's pending queue (soonest due
// first), its full log (with the oversight filters), or the requests it submitted as a federal office.
// POST /api/v1/requests — a federal office's token submits a request to a member agency; a
// receiving agency's token logs one it received by another channel.
import { requestCreated, requestList } from "@/lib/api-contract/requests";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { apiRequest } from "@/lib/requests/api-shape";
import { logRequest, submitRequest } from "@/lib/requests/create-request";
import { requestSide } from "@/lib/requests/form-options";
import { listQueue, listRequests, listSubmitted, parseFilter } from "@/lib/requests/read-requests";
import { requestBoxSchema } from "@/lib/validation/request";
import { queryOf, readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor }) => {
  const query = queryOf(req);
  const { box } = requestBoxSchema.parse(query);
  if (box === "submitted")
    return respond(requestList, { requests: (await listSubmitted({ db: db(), actor })).map(apiRequest) });
  if (box === "log")
    return respond(requestList, {
      requests: (await listRequests({ db: db(), actor, filter: parseFilter(query) })).map(apiRequest),
    });
  return respond(requestList, {
    requests: (await listQueue({ db: db(), actor })).map((q) => ({ ...apiRequest(q), rules: q.rules })),
  });
});

export const POST = tokenRoute("file", async (req, { actor, now }) => {
  const input = await readBody(req);
  const federal = (await requestSide(db(), actor)) === "FEDERAL";
  const created = federal
    ? await submitRequest({ db: db(), actor, input, now })
    : await logRequest({ db: db(), actor, input, now });
  return respond(requestCreated, { id: created.id, ref: created.ref, dueAt: created.dueAt }, 201);
});
