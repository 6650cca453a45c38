// GET /api/v1/notices?box=inbox — current notices to the token's agency, newest first.
// GET /api/v1/notices?box=sent — the agency's current notices, grouped per operation, with each
// recipient's acknowledgment, replies and escalations.
// Both take the inbox and sent pages' filters: status, kind, agency, action, q, from, to, pageSize,
// and after/before (the cursors `next` and `prev` of a page).
import { db } from "@/lib/db/client";
import { listInbox, listSent } from "@/lib/notices/list-notices";
import { noticeListSchema } from "@/lib/validation/notice";
import { queryOf } from "@/lib/http/body";
import { json, tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor }) => {
  const input = queryOf(req);
  const { box } = noticeListSchema.parse(input);
  return json(
    box === "sent"
      ? await listSent({ db: db(), actor, input })
      : await listInbox({ db: db(), actor, input }).then(({ items, next, prev }) => ({ notices: items, next, prev })),
  );
});
