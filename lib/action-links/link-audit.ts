// The audit trail of emailed links: each use names the person, the action, the subject and that it
// came through an emailed link (the action's own event, written by the domain function, follows
// the same person). Refusals are recorded at a bounded rate per client address, then only logged,
// so a flood of bad links cannot fill the trail or hold its lock.
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { log } from "../log";
import { consume } from "../rate-limit/limiter";
import type { LinkPerson, LinkRefusal, LinkRow, LinkState } from "./inspect-link";
import type { LinkContext } from "./use-link";

export const ACTION_LINK_AUDIT = { use: "actionLink.use", refuse: "actionLink.refuse" } as const;

const TARGET = { NOTICE: "Notice", CONFLICT: "Conflict" } as Record<string, string>;

export async function recordLinkUse(
  db: Db,
  o: { link: LinkRow; person: LinkPerson; context: LinkContext; now: Date },
): Promise<void> {
  const { link, person } = o;
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: ACTION_LINK_AUDIT.use,
      targetType: TARGET[link.subjectType] ?? link.subjectType,
      targetId: link.subjectId,
      details: { via: "EMAIL_LINK", linkId: link.id, linkAction: link.action, userName: person.name },
      at: o.now,
      actorUserId: person.id,
      actorLabel: person.email,
      agencyId: person.agencyId,
      requestId: o.context.requestId,
      sourceIp: o.context.sourceIp,
    }),
  );
}

export async function recordLinkRefusal(
  db: Db,
  o: { state: LinkState; reason: LinkRefusal; context: LinkContext; now: Date; step: "view" | "use" },
): Promise<void> {
  const { link } = o.state;
  const fields = {
    reason: o.reason,
    step: o.step,
    linkId: link?.id ?? null,
    linkAction: link?.action ?? null,
    subjectType: link?.subjectType ?? null,
    subjectId: link?.subjectId ?? null,
    userId: link?.userId ?? null,
  };
  const verdict = await consume(db, "actionLinkRefusalAudit", `ip:${o.context.sourceIp ?? "unknown"}`);
  if (!verdict.allowed) {
    log.warn(
      { ...fields, requestId: o.context.requestId, sourceIp: o.context.sourceIp },
      "emailed link refused (not audited: over the address's allowance)",
    );
    return;
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      action: ACTION_LINK_AUDIT.refuse,
      targetType: "ActionLink",
      targetId: link?.id ?? null,
      outcome: "DENIED",
      details: { via: "EMAIL_LINK", ...fields },
      at: o.now,
      actorUserId: null,
      actorLabel: "email-link",
      agencyId: link?.agencyId ?? null,
      requestId: o.context.requestId,
      sourceIp: o.context.sourceIp,
    }),
  );
}
