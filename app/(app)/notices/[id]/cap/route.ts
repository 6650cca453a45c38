// Download one notice (or, with ?ack=1, its acknowledgment) as a CAP 1.2 message, for a signed-in
// member of the notice's sender or recipient agency. Anyone else gets a plain 404.
import { randomUUID } from "node:crypto";
import { getT } from "@/app/_i18n/server";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { noticeCap } from "@/lib/notices/notice-cap";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };
const plain = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(req: Request, ctx: Ctx): Promise<Response> {
  const t = await getT("errors");
  const actor = await getActor();
  if (!actor) return plain(401, t("unauthorized"));
  try {
    const { id } = await ctx.params;
    const { xml, filename } = await noticeCap({ db: db(), actor, noticeId: id, ack: new URL(req.url).searchParams.get("ack") === "1" });
    return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" } });
  } catch (e) {
    if (isAppError(e) && e.status === 409) return plain(409, (await getT())(e.message));
    if (isAppError(e)) return plain(404, t("notFound"));
    const requestId = randomUUID();
    log.error({ err: e, requestId }, "CAP export failed");
    return plain(500, t("generic", { requestId }));
  }
}
