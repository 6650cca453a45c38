// Command decides a request: complied, declined, partially complied, referred to counsel or not
// applicable, with the rule or legal basis relied on and a short reason. A decision that departs
// from what the agency's rules direct is refused without a written justification and is flagged.
// The requester sees the decision live; escalation stops.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { ConflictError, NotFoundError, ValidationError, zodIssues } from "../errors";
import { msg } from "../i18n/issue";
import { stopEscalation } from "../jobs/escalation";
import { publishLiveEvent } from "../realtime/publish";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { decideRequestSchema, JUSTIFICATION_MIN } from "../validation/request";
import { authorizeDecider } from "./access";
import { applicableRules, departureOf } from "./evaluate";
import { REQUEST_AUDIT, REQUEST_SUBJECT } from "./roles";

export async function decideRequest(args: { db: Db; actor: Actor; requestId: string; input: unknown; now: Date }) {
  const { db, actor, requestId, now } = args;
  const denial = {
    db,
    actor,
    action: REQUEST_AUDIT.decide,
    targetType: "FederalRequest",
    targetId: requestId.slice(0, 64),
    now,
  };
  return auditRefusal(denial, async () => {
    await authorizeDecider(db, actor);
    if (!isId(requestId)) throw new NotFoundError();
    // Another agency's request is not found, whatever the input.
    if (
      !(await db.federalRequest.findFirst({ where: { id: requestId, agencyId: actor.agencyId }, select: { id: true } }))
    )
      throw new NotFoundError();
    const parsed = decideRequestSchema.safeParse(args.input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    const v = parsed.data;
    return db.$transaction(async (tx) => {
      const req = await tx.federalRequest.findFirst({ where: { id: requestId, agencyId: actor.agencyId } });
      if (!req) throw new NotFoundError();
      if (req.decision) throw new ConflictError("requests.errors.alreadyDecided");
      const rules = await tx.requestRule.findMany({
        where: { agencyId: actor.agencyId, active: true },
        orderBy: { createdAt: "asc" },
      });
      if (v.ruleId && !rules.some((r) => r.id === v.ruleId))
        throw new ValidationError([{ path: "ruleId", message: msg("requests.errors.unknownRule") }]);
      const applied = applicableRules(rules, req);
      const isInterview = req.kind === "CUSTODIAL_INTERVIEW";
      const counselNotified = isInterview ? (v.counselNotified ?? req.counselNotified ?? false) : null;
      const departure = departureOf(applied, v.decision, counselNotified);
      const justification = v.justification ?? null;
      if (departure.departs && (!justification || justification.length < JUSTIFICATION_MIN)) {
        throw new ValidationError(
          [
            {
              path: "justification",
              message: msg("requests.errors.justificationRequired", { min: JUSTIFICATION_MIN }),
            },
          ],
          "requests.errors.departure",
        );
      }
      const directed = {
        rules: applied,
        departedFrom: departure.rules.map((r) => r.id),
      } as unknown as Prisma.InputJsonValue;
      const { count } = await tx.federalRequest.updateMany({
        where: { id: req.id, agencyId: actor.agencyId, decision: null },
        data: {
          decision: v.decision,
          decidedAt: now,
          decidedById: actor.userId,
          decidedByName: actor.name,
          decisionRuleId: v.ruleId ?? null,
          decisionBasis: v.basis ?? null,
          decisionReason: v.reason,
          departure: departure.departs,
          departureJustification: departure.departs ? justification : null,
          directedAtDecision: directed,
          ...(isInterview
            ? {
                counselNotified,
                counselNotifiedAt: counselNotified ? (v.counselNotifiedAt ?? req.counselNotifiedAt ?? null) : null,
              }
            : {}),
          updatedAt: now,
        },
      });
      if (count !== 1) throw new ConflictError("requests.errors.alreadyDecided");
      await stopEscalation(tx, {
        subjectType: REQUEST_SUBJECT,
        subjectId: req.id,
        recipientAgencyId: actor.agencyId,
        now,
      });
      await publishLiveEvent(
        tx,
        {
          type: "request",
          agencyIds: [req.agencyId, ...(req.requesterAgencyId ? [req.requesterAgencyId] : [])],
          id: req.id,
        },
        { event: "request.decided", now },
      );
      await recordAudit(tx, {
        action: REQUEST_AUDIT.decide,
        targetType: "FederalRequest",
        targetId: req.id,
        at: now,
        details: {
          ref: req.ref,
          decision: v.decision,
          ruleId: v.ruleId ?? null,
          departure: departure.departs,
          departedFrom: departure.rules.map((r) => r.id),
        },
        ...auditContext(actor),
      });
      return { decision: v.decision, departure: departure.departs, decidedAt: now };
    });
  });
}
