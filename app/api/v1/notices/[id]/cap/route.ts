// GET /api/v1/notices/:id/cap — the notice as an OASIS CAP 1.2 message; ?ack=1 for its acknowledgment (msgType Ack).
import { db } from "@/lib/db/client";
import { noticeCap } from "@/lib/notices/notice-cap";
import { tokenRoute } from "@/lib/http/token-route";

export const GET = tokenRoute("read", async (req, { actor, params }) => {
  const ack = new URL(req.url).searchParams.get("ack") === "1";
  const { xml, filename } = await noticeCap({ db: db(), actor, noticeId: params.id, ack });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
