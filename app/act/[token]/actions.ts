"use server";
// The confirm button of an /act page: acts through the emailed link, once (lib/action-links).
import { getRequestContext } from "@/lib/auth/session";
import { allowLinkRequest, actThroughLink } from "@/lib/action-links/use-link";
import { refusedState } from "@/lib/action-links/inspect-link";
import { TOKEN_LENGTH } from "@/lib/action-links/token";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { actView, type ActView } from "./link-view";
import { linkLocale } from "./locale";

export async function confirmLinkAction(_previous: ActView, form: FormData): Promise<ActView> {
  const context = await getRequestContext();
  const raw = form.get("token");
  // Anything longer than a token is not one: refused without reading it further.
  const token = typeof raw === "string" && raw.length <= TOKEN_LENGTH ? raw : "";
  try {
    const now = await currentTime(db());
    if (!(await allowLinkRequest(db(), context.sourceIp)))
      return actView({ state: refusedState("RATE_LIMITED"), locale: await linkLocale(null) });
    const outcome = await actThroughLink({ db: db(), token, now, context });
    const locale = await linkLocale(outcome.state.person?.locale);
    return actView({
      state: outcome.state,
      locale,
      outcome: outcome.status === "DONE" ? { done: true, at: outcome.at } : null,
      requestId: context.requestId,
    });
  } catch (err) {
    log.error({ err, requestId: context.requestId }, "the emailed link's confirmation failed");
    return actView({ state: refusedState("ERROR"), locale: await linkLocale(null), requestId: context.requestId });
  }
}
