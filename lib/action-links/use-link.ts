// Acting through an emailed link: the link is consumed by one atomic UPDATE (only while unused and
// unexpired), then the action runs as the addressed person through the same domain function the
// signed-in page calls, so the acknowledgment, the stopped escalation, the live events and the
// thread entry are the same. If the action is refused, the link is given back.
import type { Actor } from "../auth/actor";
import { acknowledgeConflict } from "../conflicts/conflicts";
import type { Db } from "../db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { log } from "../log";
import { acknowledgeNotice } from "../notices/acknowledge-notice";
import { replyToNotice } from "../notices/reply-to-notice";
import { consume } from "../rate-limit/limiter";
import { recordLinkRefusal, recordLinkUse } from "./link-audit";
import { inspectLink, type LinkPerson, type LinkRefusal, type LinkRow, type LinkState } from "./inspect-link";

export type LinkContext = { requestId: string; sourceIp: string | null };

export type LinkOutcome = { status: "DONE"; state: LinkState; at: Date } | { status: "REFUSED"; state: LinkState };

/** Counts one request to the /act pages for the client address; false once it is over the limit. */
export async function allowLinkRequest(db: Db, sourceIp: string | null): Promise<boolean> {
  return (await consume(db, "actionLinkAddress", `ip:${sourceIp ?? "unknown"}`)).allowed;
}

/** The GET: what the link would do, or why it cannot. Never acts. */
export async function previewActionLink(o: {
  db: Db;
  token: unknown;
  now: Date;
  context: LinkContext;
}): Promise<LinkState> {
  const state = await inspectLink(o.db, o.token, o.now);
  // Only the link's own failures are worth a record here; a subject's state is audited when someone tries to act.
  if (state.refusal && ["INVALID", "USED", "EXPIRED", "ACCOUNT_INACTIVE"].includes(state.refusal)) {
    await recordLinkRefusal(o.db, { state, reason: state.refusal, context: o.context, now: o.now, step: "view" });
  }
  return state;
}

/** The POST: performs the link's one action as its addressed person, once. */
export async function actThroughLink(o: {
  db: Db;
  token: unknown;
  now: Date;
  context: LinkContext;
}): Promise<LinkOutcome> {
  const { db, now } = o;
  const state = await inspectLink(db, o.token, now);
  if (state.refusal || !state.link || !state.person) return refuse(o, state, state.refusal ?? "INVALID");
  const { link, person } = state;
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "ActionLink" SET "usedAt" = ${now} WHERE id = ${link.id}::uuid AND "usedAt" IS NULL AND "expiresAt" > ${now} RETURNING id`;
  if (claimed.length === 0) {
    const again = await inspectLink(db, o.token, now);
    return refuse(o, again, again.refusal ?? "USED");
  }
  let refusal: LinkRefusal | null;
  try {
    refusal = await perform(db, link, actorFor(person, o.context), now);
  } catch (err) {
    log.error({ err, requestId: o.context.requestId, linkId: link.id }, "acting through an emailed link failed");
    refusal = "ERROR";
  }
  if (refusal) {
    // Nothing was done, so the link is given back (only this claim set usedAt to this instant).
    await db.actionLink.updateMany({ where: { id: link.id, usedAt: now }, data: { usedAt: null } });
    return refuse(o, await inspectLink(db, o.token, now), refusal);
  }
  await recordLinkUse(db, { link, person, context: o.context, now });
  return { status: "DONE", state: { ...state, link: { ...link, usedAt: now } }, at: now };
}

function actorFor(person: LinkPerson, context: LinkContext): Actor {
  return {
    kind: "USER",
    id: person.id,
    userId: person.id,
    name: person.name,
    email: person.email,
    agencyId: person.agencyId,
    agencyName: person.agencyName,
    agencyTimeZone: person.timeZone,
    roles: person.roles,
    isPlatformAdmin: person.isPlatformAdmin,
    locale: person.locale,
    sessionId: null,
    requestId: context.requestId,
    sourceIp: context.sourceIp,
  };
}

/** Runs the action; a refusal the person should be told about, or null when it was done. */
async function perform(db: Db, link: LinkRow, actor: Actor, now: Date): Promise<LinkRefusal | null> {
  try {
    if (link.action === "ACKNOWLEDGE" && link.subjectType === "CONFLICT") {
      await acknowledgeConflict({ db, actor, conflictId: link.subjectId, now });
      return null;
    }
    if (link.action === "ACKNOWLEDGE") {
      const { acknowledgedAt } = await acknowledgeNotice({ db, actor, noticeId: link.subjectId, now });
      // Someone at the agency acknowledged it between the check and now: this link did nothing.
      return acknowledgedAt.getTime() === now.getTime() ? null : "ALREADY_ACKNOWLEDGED";
    }
    const notice = await db.notice.findFirst({
      where: { id: link.subjectId, recipientAgencyId: actor.agencyId },
      select: { kind: true },
    });
    if (!notice) return "GONE";
    await replyToNotice({
      db,
      actor,
      noticeId: link.subjectId,
      input: { kind: notice.kind === "CONFLICT" ? "REQUEST_DECONFLICTION_CALL" : "CALL_ME" },
      now,
    });
    return null;
  } catch (err) {
    if (err instanceof NotFoundError) return "GONE";
    if (err instanceof ForbiddenError) return "NOT_ALLOWED";
    if (err instanceof ConflictError)
      return err.message === "notices.errors.superseded"
        ? "SUPERSEDED"
        : err.message === "conflicts.errors.closed"
          ? "CLOSED"
          : "ALREADY_ACKNOWLEDGED";
    throw err;
  }
}

async function refuse(
  o: { db: Db; now: Date; context: LinkContext },
  state: LinkState,
  reason: LinkRefusal,
): Promise<LinkOutcome> {
  await recordLinkRefusal(o.db, { state, reason, context: o.context, now: o.now, step: "use" });
  return { status: "REFUSED", state: { ...state, refusal: reason } };
}
