// POST /api/v1/notices/:id/assistance — the recipient decides an assistance request: { decision: ACCEPTED | DECLINED, reason }.
import { assistanceDecisionResult } from "@/lib/api-contract/notices";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { decideAssistance } from "@/lib/notices/assistance";
import { readBody } from "@/lib/http/body";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (req, { actor, now, params }) =>
  respond(
    assistanceDecisionResult,
    await decideAssistance({ db: db(), actor, noticeId: params.id, input: await readBody(req), now }),
  ),
);
