// The one call the operation lifecycle makes, inside its own transaction, so an operation and
// the notices it implies commit together: on filing, planning, editing and cancelling, it stores
// the notice fields, decides who is told (routing.ts), refuses a late filing without exigent
// grounds, sends each notice (send-notice.ts) and starts the new conflicts' escalation timers.
// Activating and completing tell exactly the agencies already told: an UPDATE in each thread.
import type { Tx } from "../db/client";
import type { NoticeKind } from "../db/generated/enums";
import type { Actor } from "../auth/actor";
import { canonicalJson } from "../audit/hash";
import type { RecordedConflict } from "../conflicts/record-conflicts";
import { ValidationError } from "../errors";
import { requireAfterAction } from "../operations/after-action";
import { areaFromColumns } from "../operations/area-record";
import { isChecked } from "../operations/roles";
import { exigentIssues, exigentSchema, noticeFieldsSchema, type ExigentInput } from "../validation/notice";
import { alertNewConflicts } from "./conflict-alerts";
import {
  buildNoticeContent,
  conflictWindow,
  contentWindow,
  NOTICE_OPERATION_SELECT,
  noticeContent,
  sameContent,
  type ConflictOverlap,
  type NoticeOperation,
  type NoticeWindow,
} from "./content";
import { exigentRequired } from "./lead-time";
import { exigentColumns, noticeColumns } from "./notice-fields";
import { routeRecipients, seesFullNotice, type HostCandidate, type RoutedRecipient } from "./routing";
import { sendNotice, type SentNotice } from "./send-notice";

export type OperationNoticeEvent = "FILED" | "PLANNED" | "UPDATED" | "CANCELLED" | "ACTIVATED" | "COMPLETED";

export type PlanNoticesInput = {
  actor: Actor;
  operationId: string;
  event: OperationNoticeEvent;
  /** The raw edit or transition input; the notice fields are read from it. */
  input?: unknown;
  /** A new filing, written with its notice fields (then there is nothing to store or read back). */
  filed?: NoticeOperation;
  conflicts?: readonly RecordedConflict[];
  /** A new filing's host candidates, read by its insert (routeRecipients). */
  hostCandidates?: readonly HostCandidate[];
  now: Date;
};

const CHAIN: NoticeKind[] = ["ADVANCE", "UPDATE", "CANCELLATION", "EXIGENT_AFTER_ACTION", "CONFLICT"];

export async function planNotices(tx: Tx, o: PlanNoticesInput): Promise<SentNotice[]> {
  const raw =
    o.input && typeof o.input === "object" && !Array.isArray(o.input) ? (o.input as Record<string, unknown>) : {};
  let op = o.filed ?? (await storeNoticeFields(tx, o, raw));
  await alertNewConflicts(tx, { conflicts: o.conflicts ?? [], now: o.now });
  if (o.event === "CANCELLED") return cancelNotices(tx, o, op);
  if (o.event === "ACTIVATED" || o.event === "COMPLETED") return statusNotices(tx, o, op);
  if (!isChecked(op.status)) return [];

  // A new filing (or a draft just planned) has exactly the conflicts recorded a moment ago; with none, there is nothing to read.
  const fresh = o.event === "FILED" || o.event === "PLANNED";
  const overlaps = fresh && (o.conflicts?.length ?? 0) === 0 ? new Map<string, Overlaps>() : await openOverlaps(tx, op);
  const routed = await routeRecipients(tx, {
    senderAgencyId: op.agencyId,
    area: areaFromColumns(op),
    conflictAgencyIds: [...overlaps.keys()],
    addedAgencyIds: op.addedNoticeAgencyIds,
    hostCandidates: o.hostCandidates,
  });
  if (o.event === "FILED" || o.event === "PLANNED") {
    op = await settleExigency(tx, op, routed, o.now);
    // Filed without the notice its hosts ask for: it owes them an account afterwards.
    if (op.exigent) await requireAfterAction(tx, { operationId: op.id, agencyId: op.agencyId, now: o.now });
    return sendAll(tx, o, op, routed, overlaps, new Map());
  }
  return sendAll(tx, o, op, routed, overlaps, await currentNotices(tx, op.id));
}

/** Stores the notice fields given and returns the operation as notices show it (one round trip either way). */
async function storeNoticeFields(tx: Tx, o: PlanNoticesInput, raw: Record<string, unknown>): Promise<NoticeOperation> {
  const data =
    o.event === "FILED" || o.event === "UPDATED"
      ? noticeColumns(noticeFieldsSchema.parse(raw), raw, o.event === "FILED" ? "ALL" : "PRESENT", o.now)
      : o.event === "PLANNED"
        ? exigentColumns(exigentSchema.parse(raw), raw, "PRESENT", o.now)
        : {};
  if (Object.keys(data).length > 0)
    return tx.operation.update({ where: { id: o.operationId }, data, select: NOTICE_OPERATION_SELECT });
  return tx.operation.findUniqueOrThrow({ where: { id: o.operationId }, select: NOTICE_OPERATION_SELECT });
}

/** Late or after the start: refused without a reason and a commander's sign-off; with them, kept exigent. */
async function settleExigency(
  tx: Tx,
  op: NoticeOperation,
  routed: RoutedRecipient[],
  now: Date,
): Promise<NoticeOperation> {
  const hostLeadHours = routed.filter((r) => r.reasons.includes("HOST")).map((r) => r.noticeLeadHours);
  const required = exigentRequired({ startsAt: op.startsAt, now, hostLeadHours });
  if (required) {
    const issues = exigentIssues({
      exigentReason: (op.exigentReason ?? undefined) as ExigentInput["exigentReason"],
      exigentText: op.exigentText ?? undefined,
      exigentSignOff: op.exigentSignOff ?? undefined,
      exigentConfirmed: op.exigentSignedOffAt !== null,
    });
    if (issues.length > 0) throw new ValidationError(issues, "notices.errors.exigentRequired");
  }
  if (required === op.exigent) return op;
  return tx.operation.update({ where: { id: op.id }, data: { exigent: required }, select: NOTICE_OPERATION_SELECT });
}

/** One other agency's open conflicts with the operation: need-to-know overlaps, and when they meet. */
type Overlaps = { conflictId: string; overlaps: ConflictOverlap[]; window: NoticeWindow | null };

/** The operation's open conflicts, by the other agency, as need-to-know overlaps. */
async function openOverlaps(tx: Tx, op: NoticeOperation): Promise<Map<string, Overlaps>> {
  const rows = await tx.conflict.findMany({
    where: { OR: [{ opAId: op.id }, { opBId: op.id }], status: { not: "CLOSED" } },
    orderBy: [{ overlapStart: "asc" }, { id: "asc" }],
  });
  const others = new Map(
    rows.length === 0
      ? []
      : (
          await tx.operation.findMany({
            where: { id: { in: rows.map((r) => (r.opAId === op.id ? r.opBId : r.opAId)) } },
            select: { id: true, ref: true, startsAt: true, endsAt: true },
          })
        ).map((r) => [r.id, r]),
  );
  const byAgency = new Map<string, Overlaps>();
  const pairs = new Map<string, { a: NoticeWindow; b: NoticeWindow }[]>();
  for (const r of rows) {
    const otherAgency = r.opAId === op.id ? r.agencyBId : r.agencyAId;
    const otherOp = r.opAId === op.id ? r.opBId : r.opAId;
    const entry = byAgency.get(otherAgency) ?? { conflictId: r.id, overlaps: [], window: null };
    const other = others.get(otherOp);
    if (other) pairs.set(otherAgency, [...(pairs.get(otherAgency) ?? []), { a: op, b: other }]);
    entry.overlaps.push({
      severity: r.severity,
      overlapStart: r.overlapStart?.toISOString() ?? null,
      overlapEnd: r.overlapEnd?.toISOString() ?? null,
      where: r.whereLon !== null && r.whereLat !== null ? { lon: r.whereLon, lat: r.whereLat } : null,
      yourOperationRef: other?.ref ?? null,
    });
    byAgency.set(otherAgency, entry);
  }
  for (const [agencyId, entry] of byAgency) entry.window = conflictWindow(pairs.get(agencyId) ?? []);
  return byAgency;
}

type Current = {
  kind: NoticeKind;
  reasons: string[];
  scope: "FULL" | "CONFLICT";
  content: unknown;
  requiresAck: boolean;
  acknowledged: boolean;
  conflictId: string | null;
};

/** Each recipient's current notice in the operation's threads. */
async function currentNotices(tx: Tx, operationId: string): Promise<Map<string, Current>> {
  const rows = await tx.notice.findMany({
    where: { operationId, supersededAt: null, kind: { in: CHAIN } },
    select: {
      recipientAgencyId: true,
      kind: true,
      reasons: true,
      content: true,
      requiresAck: true,
      acknowledgedAt: true,
      conflictId: true,
    },
  });
  return new Map(
    rows.map((r) => [
      r.recipientAgencyId,
      {
        kind: r.kind,
        reasons: r.reasons,
        scope: noticeContent(r.content).scope,
        content: r.content,
        requiresAck: r.requiresAck,
        acknowledged: r.acknowledgedAt !== null,
        conflictId: r.conflictId,
      },
    ]),
  );
}

async function sendAll(
  tx: Tx,
  o: PlanNoticesInput,
  op: NoticeOperation,
  routed: RoutedRecipient[],
  overlaps: Map<string, Overlaps>,
  current: Map<string, Current>,
): Promise<SentNotice[]> {
  const recipients = new Map(routed.map((r) => [r.agencyId, r.reasons as string[]]));
  // An edit also tells everyone told before, including an agency the operation has moved away from.
  for (const [agencyId, c] of current)
    if (c.kind !== "CANCELLATION" && !recipients.has(agencyId)) recipients.set(agencyId, []);
  const sent: SentNotice[] = [];
  for (const [agencyId, reasons] of recipients) {
    const before = current.get(agencyId);
    const scope = seesFullNotice(reasons) || before?.scope === "FULL" ? "FULL" : "CONFLICT";
    const conflict = overlaps.get(agencyId);
    // A conflict-only recipient is shown when the operations meet; with the conflict gone, when they last did.
    const window = conflict?.window ?? (before ? contentWindow(noticeContent(before.content)) : null);
    const content = buildNoticeContent(op, { scope, conflicts: conflict?.overlaps ?? [], window });
    // An edit that changes nothing this agency sees sends it nothing.
    if (before && before.kind !== "CANCELLATION" && sameContent(noticeContent(before.content), content, canonicalJson))
      continue;
    const kind: NoticeKind =
      before && before.kind !== "CANCELLATION"
        ? "UPDATE"
        : scope === "CONFLICT"
          ? "CONFLICT"
          : op.exigent
            ? "EXIGENT_AFTER_ACTION"
            : "ADVANCE";
    sent.push(
      await sendNotice(tx, {
        actor: o.actor,
        now: o.now,
        operation: op,
        recipientAgencyId: agencyId,
        reasons,
        kind,
        content,
        conflictId: conflict?.conflictId ?? null,
        requiresAck: true,
        escalate: scope === "FULL",
      }),
    );
  }
  return sent;
}

async function cancelNotices(tx: Tx, o: PlanNoticesInput, op: NoticeOperation): Promise<SentNotice[]> {
  const sent: SentNotice[] = [];
  for (const [agencyId, c] of await currentNotices(tx, op.id)) {
    if (c.kind === "CANCELLATION") continue;
    const content = buildNoticeContent(op, { scope: c.scope, window: contentWindow(noticeContent(c.content)) });
    sent.push(
      await sendNotice(tx, {
        actor: o.actor,
        now: o.now,
        operation: op,
        recipientAgencyId: agencyId,
        reasons: c.reasons,
        kind: "CANCELLATION",
        content,
        requiresAck: false,
        escalate: false,
      }),
    );
  }
  return sent;
}

/**
 * Activation and completion: every agency whose thread is still open hears of it, no one else.
 * The update carries the thread's view (its scope, its conflicts, its window) with the new status.
 * Completion asks nothing of anyone; activation asks for an acknowledgment only where the notice
 * it replaces was still waiting for one, so replacing it does not quietly drop that request.
 */
async function statusNotices(tx: Tx, o: PlanNoticesInput, op: NoticeOperation): Promise<SentNotice[]> {
  const sent: SentNotice[] = [];
  for (const [agencyId, c] of await currentNotices(tx, op.id)) {
    if (c.kind === "CANCELLATION") continue;
    const previous = noticeContent(c.content);
    const content = buildNoticeContent(op, {
      scope: c.scope,
      conflicts: previous.conflicts,
      window: contentWindow(previous),
    });
    const requiresAck = o.event === "ACTIVATED" && c.requiresAck && !c.acknowledged;
    sent.push(
      await sendNotice(tx, {
        actor: o.actor,
        now: o.now,
        operation: op,
        recipientAgencyId: agencyId,
        reasons: c.reasons,
        kind: "UPDATE",
        content,
        conflictId: c.conflictId,
        requiresAck,
        escalate: requiresAck && c.scope === "FULL",
      }),
    );
  }
  return sent;
}

/** Whether an edit changes any notice field (an edit of only those is still an edit). */
export async function noticeFieldsChanged(tx: Tx, operationId: string, input: unknown): Promise<boolean> {
  const raw = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const data = noticeColumns(noticeFieldsSchema.parse(raw), raw, "PRESENT", new Date(0)) as Record<string, unknown>;
  delete data.exigentSignedOffAt;
  const keys = Object.keys(data);
  if (keys.length === 0) return false;
  const row = (await tx.operation.findUniqueOrThrow({
    where: { id: operationId },
    select: Object.fromEntries(keys.map((k) => [k, true])),
  })) as Record<string, unknown>;
  return keys.some((k) => canonicalJson(row[k] ?? null) !== canonicalJson(data[k] ?? null));
}
