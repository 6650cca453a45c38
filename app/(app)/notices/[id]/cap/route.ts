// Download one notice (or, with ?ack=1, its acknowledgment) as a CAP 1.2 message, for a signed-in
// member of the notice's sender or recipient agency. Anyone else gets a plain 404.
import { signedInDownload } from "@/app/_lib/download";
import { db } from "@/lib/db/client";
import { noticeCap } from "@/lib/notices/notice-cap";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  return signedInDownload("CAP export", async (actor) => {
    const { id } = await ctx.params;
    const { xml, filename } = await noticeCap({
      db: db(),
      actor,
      noticeId: id,
      ack: new URL(req.url).searchParams.get("ack") === "1",
    });
    return { body: xml, contentType: "application/xml; charset=utf-8", filename };
  });
}
