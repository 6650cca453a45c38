// POST /api/v1/notices/:id/replies — { kind: TEXT | CALL_ME | REQUEST_DECONFLICTION_CALL | TRAFFIC_SUPPORT | DECLINE_SUPPORT, body }.
import { replyResult } from "@/lib/api-contract/notices";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { replyToNotice } from "@/lib/notices/reply-to-notice";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, params }) =>
  respond(
    replyResult,
    await replyToNotice({ db: db(), actor, noticeId: params.id, input: await readBody(req), now }),
    201,
  ),
);
