// POST /api/v1/notices/:id/acknowledge — the recipient agency acknowledges; escalation stops.
import { acknowledgeNoticeResult } from "@/lib/api-contract/notices";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (_req, { actor, now, params }) =>
  respond(acknowledgeNoticeResult, await acknowledgeNotice({ db: db(), actor, noticeId: params.id, now })),
);
