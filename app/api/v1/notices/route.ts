// GET /api/v1/notices?box=inbox — notices to the token's agency (unread first, then by start).
// GET /api/v1/notices?box=sent — the agency's sent notices, per operation, with acknowledgments.
import { db } from "@/lib/db/client";
import { listInbox, listSent } from "@/lib/notices/read-notices";
import { noticeListSchema } from "@/lib/validation/notice";
import { queryOf } from "../_lib/body";
import { json, tokenRoute } from "../_lib/token-route";

export const GET = tokenRoute("read", async (req, { actor }) => {
  const { box } = noticeListSchema.parse(queryOf(req));
  return json(box === "sent" ? { operations: await listSent({ db: db(), actor }) } : { notices: await listInbox({ db: db(), actor }) });
});
