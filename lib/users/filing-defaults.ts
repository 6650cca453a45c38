// One person's filing defaults — the commander, phone, comms plan and radio channel they give on
// filing after filing — offered on their next new filing. Each person sees and changes only their
// own (the where clause holds the user and the agency); an API token has none.
import type { Db } from "../db/client";
import { auditedTransaction, recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { ForbiddenError } from "../errors";
import { FILING_ROLES } from "../operations/roles";
import { filingDefaultsSchema } from "../validation/follow-up";

export type FilingDefaults = {
  commanderName: string | null;
  commanderPhone: string | null;
  commsPlan: string | null;
  radioChannel: string | null;
};

const SELECT = { commanderName: true, commanderPhone: true, commsPlan: true, radioChannel: true } as const;

export async function getFilingDefaults(args: { db: Db; actor: Actor }): Promise<FilingDefaults | null> {
  const { db, actor } = args;
  if (!actor.userId) return null;
  return db.filingDefaults.findFirst({ where: { userId: actor.userId, agencyId: actor.agencyId }, select: SELECT });
}

export async function saveFilingDefaults(args: {
  db: Db;
  actor: Actor;
  input: unknown;
  now: Date;
}): Promise<FilingDefaults> {
  const { db, actor, now } = args;
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  const userId = actor.userId;
  if (!userId) throw new ForbiddenError();
  const input = filingDefaultsSchema.parse(args.input);
  const data = {
    agencyId: actor.agencyId,
    commanderName: input.commanderName ?? null,
    commanderPhone: input.commanderPhone ?? null,
    commsPlan: input.commsPlan ?? null,
    radioChannel: input.radioChannel ?? null,
    updatedAt: now,
  };
  return auditedTransaction(db, async (tx) => {
    const saved = await tx.filingDefaults.upsert({
      where: { userId },
      create: { userId, ...data },
      update: data,
      select: SELECT,
    });
    await recordAudit(tx, {
      action: "user.filingDefaults.save",
      targetType: "User",
      targetId: userId,
      details: {
        fields: Object.entries(saved)
          .filter(([, v]) => v !== null)
          .map(([k]) => k),
      },
      at: now,
      ...auditContext(actor),
    });
    return saved;
  });
}
