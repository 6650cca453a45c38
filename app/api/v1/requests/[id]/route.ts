// GET /api/v1/requests/:id — one request, for its receiving agency or the federal office that
// submitted it (the decision included); anyone else gets 404.
import { db } from "@/lib/db/client";
import { apiRequest } from "@/lib/requests/api-shape";
import { getRequest } from "@/lib/requests/read-requests";
import { json, tokenRoute } from "../../_lib/token-route";

export const GET = tokenRoute("read", async (_req, { actor, params }) => {
  const d = await getRequest({ db: db(), actor, requestId: params.id ?? "" });
  return json({ request: apiRequest(d.request), rules: d.rules, directed: d.directed, escalation: d.escalation });
});
