// The two-sided outcome of a conflict. One side proposes an outcome (and a note); the other side
// confirms it (the conflict is RESOLVED with it) or contests it with its own view (both views stay
// on record and the conflict stays open). Either side may reopen a resolved conflict, with a
// reason. Each step is audited and told to the other side in the transaction that makes it, and
// each change is a conditional update, so a confirm and a contest racing for one proposal cannot
// both succeed.
import type { Db, Tx } from "../db/client";
import type { Actor } from "../auth/actor";
import { auditedTransaction } from "../audit/record";
import { authorize } from "../auth/authorize";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { auditRefusal } from "../users/admin-scope";
import { contestConflictSchema, proposeConflictSchema, reopenConflictSchema } from "../validation/conflict";
import { isId } from "../validation/operation";
import { acknowledgeConflictSide } from "./acknowledge-side";
import { buildConflictView, CONFLICT_ROW_SELECT, type ConflictRow, type ConflictView } from "./conflict-view";
import { recordConflictStep } from "./conflict-steps";
import { CONFLICT_AUDIT, CONFLICT_DECIDING_ROLES, partyWhere } from "./roles";

type Args = { db: Db; actor: Actor; conflictId: string; now: Date };

/** Runs one step on a conflict the actor's agency is party to, and returns it as that side sees it. */
async function onConflict(
  args: Args,
  action: string,
  step: (tx: Tx, row: ConflictRow) => Promise<void>,
  validate: () => void = () => {},
): Promise<ConflictView> {
  const { db, actor, conflictId, now } = args;
  const denial = { db, actor, action, targetType: "Conflict", targetId: conflictId.slice(0, 64), now };
  return auditRefusal(denial, async () => {
    authorize(actor, { roles: CONFLICT_DECIDING_ROLES, agencyId: actor.agencyId });
    if (!isId(conflictId)) throw new NotFoundError();
    validate();
    return auditedTransaction(db, async (tx) => {
      const row = await tx.conflict.findFirst({
        where: { id: conflictId, ...partyWhere(actor.agencyId) },
        select: CONFLICT_ROW_SELECT,
      });
      if (!row) throw new NotFoundError();
      await step(tx, row);
      const fresh = await tx.conflict.findUniqueOrThrow({ where: { id: row.id }, select: CONFLICT_ROW_SELECT });
      return buildConflictView(tx, fresh, actor.agencyId);
    });
  });
}

function mustBeOpen(row: ConflictRow): void {
  if (row.status === "CLOSED") throw new ConflictError("conflicts.errors.closed");
  if (row.status === "RESOLVED") throw new ConflictError("conflicts.errors.alreadyResolved");
}

/** The other side's pending proposal, which only the other side may answer. */
function pendingFromOtherSide(row: ConflictRow, actor: Actor): void {
  mustBeOpen(row);
  if (!row.proposedAt || !row.proposedByAgencyId) throw new ConflictError("conflicts.twoSided.errors.noProposal");
  if (row.proposedByAgencyId === actor.agencyId) throw new ForbiddenError("conflicts.twoSided.errors.ownProposal");
}

const otherAgency = (row: ConflictRow, agencyId: string) =>
  row.agencyAId === agencyId ? row.agencyBId : row.agencyAId;

export async function proposeConflictOutcome(args: Args & { input: unknown }): Promise<ConflictView> {
  const { actor, now } = args;
  let input!: ReturnType<typeof proposeConflictSchema.parse>;
  return onConflict(
    args,
    CONFLICT_AUDIT.propose,
    async (tx, row) => {
      mustBeOpen(row);
      if (row.proposedAt) throw new ConflictError("conflicts.twoSided.errors.proposalPending");
      const { count } = await tx.conflict.updateMany({
        where: { id: row.id, status: "OPEN", proposedAt: null, ...partyWhere(actor.agencyId) },
        data: {
          proposedOutcome: input.outcome,
          proposedNote: input.note,
          proposedByAgencyId: actor.agencyId,
          proposedById: actor.userId ?? actor.id,
          proposedByName: actor.name,
          proposedAt: now,
          updatedAt: now,
        },
      });
      if (count !== 1) throw new ConflictError("conflicts.twoSided.errors.proposalPending");
      // Proposing an outcome answers for the conflict: the side has acknowledged it.
      await acknowledgeConflictSide(tx, { actor, row, now });
      await recordConflictStep(tx, {
        actor,
        conflict: row,
        kind: "PROPOSED",
        audit: CONFLICT_AUDIT.propose,
        outcome: input.outcome,
        note: input.note,
        now,
      });
    },
    () => void (input = proposeConflictSchema.parse(args.input)),
  );
}

export async function confirmConflictOutcome(args: Args): Promise<ConflictView> {
  const { actor, now } = args;
  return onConflict(args, CONFLICT_AUDIT.confirm, async (tx, row) => {
    pendingFromOtherSide(row, actor);
    const { count } = await tx.conflict.updateMany({
      where: {
        id: row.id,
        status: "OPEN",
        proposedAt: row.proposedAt,
        proposedByAgencyId: otherAgency(row, actor.agencyId),
      },
      data: {
        status: "RESOLVED",
        outcome: row.proposedOutcome,
        outcomeNote: row.proposedNote,
        resolvedById: actor.userId ?? actor.id,
        resolvedByName: actor.name,
        resolvedByAgencyId: actor.agencyId,
        resolvedAt: now,
        proposedOutcome: null,
        proposedNote: null,
        proposedByAgencyId: null,
        proposedById: null,
        proposedByName: null,
        proposedAt: null,
        updatedAt: now,
      },
    });
    if (count !== 1) throw new ConflictError("conflicts.twoSided.errors.proposalChanged");
    await acknowledgeConflictSide(tx, { actor, row, now });
    await recordConflictStep(tx, {
      actor,
      conflict: row,
      kind: "CONFIRMED",
      audit: CONFLICT_AUDIT.confirm,
      outcome: row.proposedOutcome,
      note: row.proposedNote,
      now,
    });
  });
}

export async function contestConflictOutcome(args: Args & { input: unknown }): Promise<ConflictView> {
  const { actor, now } = args;
  let input!: ReturnType<typeof contestConflictSchema.parse>;
  return onConflict(
    args,
    CONFLICT_AUDIT.contest,
    async (tx, row) => {
      pendingFromOtherSide(row, actor);
      // The proposal is answered; it stays on record (in the history) beside this side's view.
      const { count } = await tx.conflict.updateMany({
        where: {
          id: row.id,
          status: "OPEN",
          proposedAt: row.proposedAt,
          proposedByAgencyId: otherAgency(row, actor.agencyId),
        },
        data: {
          proposedOutcome: null,
          proposedNote: null,
          proposedByAgencyId: null,
          proposedById: null,
          proposedByName: null,
          proposedAt: null,
          updatedAt: now,
        },
      });
      if (count !== 1) throw new ConflictError("conflicts.twoSided.errors.proposalChanged");
      await acknowledgeConflictSide(tx, { actor, row, now });
      await recordConflictStep(tx, {
        actor,
        conflict: row,
        kind: "CONTESTED",
        audit: CONFLICT_AUDIT.contest,
        outcome: input.outcome,
        note: input.note,
        details: { contested: row.proposedOutcome },
        now,
      });
    },
    () => void (input = contestConflictSchema.parse(args.input)),
  );
}

export async function reopenConflict(args: Args & { input: unknown }): Promise<ConflictView> {
  const { now } = args;
  let input!: ReturnType<typeof reopenConflictSchema.parse>;
  return onConflict(
    args,
    CONFLICT_AUDIT.reopen,
    async (tx, row) => {
      if (row.status !== "RESOLVED") throw new ConflictError("conflicts.twoSided.errors.notResolved");
      const { count } = await tx.conflict.updateMany({
        where: { id: row.id, status: "RESOLVED" },
        data: {
          status: "OPEN",
          outcome: null,
          outcomeNote: null,
          resolvedById: null,
          resolvedByName: null,
          resolvedByAgencyId: null,
          resolvedAt: null,
          updatedAt: now,
        },
      });
      if (count !== 1) throw new ConflictError("conflicts.twoSided.errors.notResolved");
      await recordConflictStep(tx, {
        actor: args.actor,
        conflict: row,
        kind: "REOPENED",
        audit: CONFLICT_AUDIT.reopen,
        outcome: row.outcome,
        note: input.reason,
        now,
      });
    },
    () => void (input = reopenConflictSchema.parse(args.input)),
  );
}
