// The receiving agency corrects or completes a request it holds. The decision itself is never
// edited here; what remains editable depends on the request:
// - always: the legal basis (document, judge's signature, court), the offence category and the
//   agency's own booking number; for a request logged by hand also when it was received and who
//   sent it (a portal submission's sender and time are the system's record);
// - until decided: the due time and whether counsel was notified before an interview — once
//   decided, both are part of the decision's record;
// - never: the kind and the channel (they set the clock and the escalation when received).
// A decision keeps what the rules directed when it was made (directedAtDecision): a later
// correction is not re-evaluated against the rules. Each edit is audited with every changed
// field's value before and after — except the local reference, recorded as changed only, so a
// booking number never enters the trail. An edit after the request's period was reported counts
// as a correction in the next report (reports.ts).
import type { Db } from "../db/client";
import type { FederalRequest } from "../db/generated/client";
import { diff } from "../agencies/agency-settings";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { msg } from "../i18n/issue";
import { publishLiveEvent } from "../realtime/publish";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { editRequestSchema, type EditRequestInput } from "../validation/request";
import { computeDueAt } from "./due";
import { REQUEST_AUDIT, REQUEST_LOGGING_ROLES } from "./roles";

type Field = keyof EditRequestInput;
const ALWAYS: Field[] = ["basisDocument", "basisSignedByJudge", "basisCourt", "offenceCategory", "localReference"];
const UNTIL_DECIDED: Field[] = ["dueAt", "counselNotified", "counselNotifiedAt"];
/** Recorded as changed, never with its value. */
const REDACTED = new Set<string>(["localReference"]);

/** The fields a request still accepts, for the form and for the check. */
export function editableFields(
  r: Pick<FederalRequest, "decision" | "requesterAgencyId" | "kind" | "channel">,
): Field[] {
  return [
    ...ALWAYS,
    ...(r.channel === "PORTAL" ? [] : (["receivedAt"] as Field[])),
    // A sender named by hand; one from the directory is the directory's.
    ...(r.requesterAgencyId ? [] : (["requesterName"] as Field[])),
    ...(r.decision ? [] : UNTIL_DECIDED.filter((f) => f === "dueAt" || r.kind === "CUSTODIAL_INTERVIEW")),
  ];
}

function proposed(req: FederalRequest, v: EditRequestInput, now: Date): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const f of ["basisDocument", "basisSignedByJudge", "offenceCategory", "receivedAt"] as const)
    if (v[f] !== undefined) next[f] = v[f];
  if (v.basisCourt !== undefined) next.basisCourt = v.basisCourt === "" ? null : v.basisCourt;
  if (v.localReference !== undefined) next.localReference = v.localReference === "" ? null : v.localReference;
  if (v.requesterName !== undefined) next.requesterName = v.requesterName;
  if (v.dueAt !== undefined || (v.receivedAt !== undefined && req.kind === "DETAINER" && !req.decision)) {
    // A detainer's 48-hour clock runs from receipt: a corrected receipt moves it too.
    const kept =
      req.kind !== "DETAINER" ||
      (req.dueAt && req.dueAt < computeDueAt({ kind: req.kind, receivedAt: req.receivedAt })!)
        ? req.dueAt
        : null;
    next.dueAt = computeDueAt({ kind: req.kind, receivedAt: v.receivedAt ?? req.receivedAt, dueAt: v.dueAt ?? kept });
  }
  if (v.counselNotified !== undefined) {
    next.counselNotified = v.counselNotified;
    next.counselNotifiedAt = v.counselNotified ? (v.counselNotifiedAt ?? req.counselNotifiedAt ?? now) : null;
  }
  return next;
}

export async function editRequest(args: { db: Db; actor: Actor; requestId: string; input: unknown; now: Date }) {
  const { db, actor, requestId, now } = args;
  return auditRefusal(
    { db, actor, action: REQUEST_AUDIT.edit, targetType: "FederalRequest", targetId: requestId.slice(0, 64), now },
    async () => {
      authorize(actor, { roles: REQUEST_LOGGING_ROLES, agencyId: actor.agencyId });
      if (!isId(requestId)) throw new NotFoundError();
      // Another agency's request is not found, whatever the input.
      if (
        !(await db.federalRequest.findFirst({
          where: { id: requestId, agencyId: actor.agencyId },
          select: { id: true },
        }))
      )
        throw new NotFoundError();
      const parsed = editRequestSchema.safeParse(args.input);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
      const v = parsed.data;
      return db.$transaction(async (tx) => {
        const req = await tx.federalRequest.findFirst({ where: { id: requestId, agencyId: actor.agencyId } });
        if (!req) throw new NotFoundError();
        const before: Record<string, unknown> = { ...req };
        const next = proposed(req, v, now);
        const changes = diff(before, next);
        const allowed = new Set<string>(editableFields(req));
        // A field sent that the request no longer accepts; what follows from it (counselNotifiedAt
        // from counselNotified) is refused with it rather than named again.
        const sent = (f: string) => (v as Record<string, unknown>)[f] !== undefined;
        const refused = Object.keys(changes).filter(
          (f) => sent(f) && !allowed.has(f) && !(f === "counselNotifiedAt" && allowed.has("counselNotified")),
        );
        if (refused.length === 0 && changes.counselNotifiedAt && !allowed.has("counselNotified"))
          refused.push("counselNotified");
        if (refused.length > 0) {
          const why = (f: string) =>
            req.decision && (UNTIL_DECIDED as string[]).includes(f)
              ? msg("requests.edit.errors.fixedOnceDecided")
              : msg("requests.edit.errors.fixedField");
          throw new ValidationError(
            refused.map((path) => ({ path, message: why(path) })),
            "requests.edit.errors.notEditable",
          );
        }
        const fields = Object.keys(changes);
        if (fields.length === 0) return { changed: [] as string[] };
        const data = Object.fromEntries(fields.map((f) => [f, next[f]]));
        const { count } = await tx.federalRequest.updateMany({
          where: { id: req.id, agencyId: actor.agencyId, decision: req.decision },
          data: { ...data, updatedAt: now },
        });
        // Decided between the read and the write: what was checked no longer holds.
        if (count !== 1)
          throw new ValidationError(
            fields.map((path) => ({ path, message: msg("requests.edit.errors.fixedOnceDecided") })),
            "requests.edit.errors.notEditable",
          );
        await publishLiveEvent(tx, {
          type: "request",
          agencyIds: [req.agencyId, ...(req.requesterAgencyId ? [req.requesterAgencyId] : [])],
          id: req.id,
        });
        const recorded = JSON.parse(
          JSON.stringify(
            Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, REDACTED.has(f) ? { changed: true } : c])),
          ),
        );
        await recordAudit(tx, {
          action: REQUEST_AUDIT.edit,
          targetType: "FederalRequest",
          targetId: req.id,
          at: now,
          details: { ref: req.ref, decided: req.decision !== null, fields, changes: recorded },
          ...auditContext(actor),
        });
        return { changed: fields };
      });
    },
  );
}
