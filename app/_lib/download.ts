// The shape of every signed-in file download (CAP messages, request logs, reports): the actor is
// checked first; an expected refusal is a short plain-text answer (404 for anything outside the
// actor's reach, so a download never confirms that another agency's record exists); anything
// else is logged with a request id. Never cached by a shared cache.
import { getT } from "@/app/_i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { mapError } from "@/lib/http/error-mapping";
import { translateIssue } from "@/lib/i18n/issue";
import { log } from "@/lib/log";

export type Download = { body: string; contentType: string; filename: string };

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** Answers with `make`'s file for the signed-in actor; `what` names the download in the log. */
export async function signedInDownload(what: string, make: (actor: Actor) => Promise<Download>): Promise<Response> {
  const t = await getT("errors");
  const actor = await getActor();
  if (!actor) return plain(401, t("unauthorized"));
  try {
    const file = await make(actor);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    const failure = mapError(e);
    if (!failure.expected) {
      log.error({ err: e, requestId: failure.requestId }, `${what} failed`);
      return plain(500, t("generic", { requestId: failure.requestId }));
    }
    if (failure.status === 422) return plain(422, t("validation"));
    if (failure.status === 409) return plain(409, translateIssue(await getT(), failure.message));
    return plain(404, t("notFound"));
  }
}
