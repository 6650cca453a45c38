// POST /api/v1/requests/:id/decision — command's decision. Decisions are made by a person of
// command rank; an agency token is refused (403) unless it acts for such a person.
import { requestDecided } from "@/lib/api-contract/requests";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { decideRequest } from "@/lib/requests/decide-request";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, params }) => {
  const input = await readBody(req);
  return respond(requestDecided, await decideRequest({ db: db(), actor, requestId: params.id ?? "", input, now }));
});
