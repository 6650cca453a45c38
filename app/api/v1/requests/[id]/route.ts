// GET /api/v1/requests/:id — one request, for its receiving agency or the federal office that
// submitted it (the decision included); anyone else gets 404.
// PATCH /api/v1/requests/:id — the receiving agency corrects its log (the fields the request still
// accepts: lib/requests/edit-request.ts); the decision is never edited. 422 names the fields.
import { requestDetail, requestEdited } from "@/lib/api-contract/requests";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { apiRequest } from "@/lib/requests/api-shape";
import { editRequest } from "@/lib/requests/edit-request";
import { getRequest } from "@/lib/requests/read-requests";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (_req, { actor, params }) => {
  const d = await getRequest({ db: db(), actor, requestId: params.id ?? "" });
  return respond(requestDetail, {
    request: apiRequest(d.request),
    rules: d.rules,
    directed: d.directed,
    escalation: d.escalation,
  });
});

export const PATCH = tokenRoute("file", async (req, { actor, now, params }) => {
  const input = await readBody(req);
  const { changed } = await editRequest({ db: db(), actor, requestId: params.id ?? "", input, now });
  const d = await getRequest({ db: db(), actor, requestId: params.id ?? "" });
  return respond(requestEdited, { changed, request: apiRequest(d.request) });
});
