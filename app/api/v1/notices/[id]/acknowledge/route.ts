// POST /api/v1/notices/:id/acknowledge — the recipient agency acknowledges; escalation stops.
import { db } from "@/lib/db/client";
import { acknowledgeNotice } from "@/lib/notices/acknowledge-notice";
import { json, tokenRoute } from "@/lib/http/token-route";

export const POST = tokenRoute("file", async (_req, { actor, now, params }) =>
  json(await acknowledgeNotice({ db: db(), actor, noticeId: params.id, now })),
);
