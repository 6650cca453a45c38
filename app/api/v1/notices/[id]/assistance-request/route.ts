// POST /api/v1/notices/:id/assistance-request — the sender asks this notice's recipient for help: { kinds: [...], note }.
import { assistanceRequestResult } from "@/lib/api-contract/notices";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { requestAssistanceFromNotice } from "@/lib/notices/assistance";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, params }) =>
  respond(
    assistanceRequestResult,
    await requestAssistanceFromNotice({ db: db(), actor, noticeId: params.id, input: await readBody(req), now }),
    201,
  ),
);
