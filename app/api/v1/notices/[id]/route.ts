// GET /api/v1/notices/:id — one notice, its thread, escalation and delivery; for its two agencies only.
import { notice } from "@/lib/api-contract/notices";
import { respond } from "@/lib/api-contract/respond";
import { db } from "@/lib/db/client";
import { getNoticeView } from "@/lib/notices/notice-view";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (_req, { actor, params }) =>
  respond(notice, await getNoticeView({ db: db(), actor, noticeId: params.id })),
);
