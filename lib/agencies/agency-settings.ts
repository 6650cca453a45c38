// An agency admin keeps their own agency's contacts and deconfliction settings current. There is
// no agency id in the input: the agency is always the admin's own.
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { forgetCachedTokens } from "../api-tokens/token-cache";
import { recordAudit } from "../audit/record";
import { refreshAgencySearchKeys } from "../operations/candidates";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { agencySettingsSchema, type AgencySettingsInput } from "../validation/agency";
import { auditRefusal, authorizeAgencyAdmin } from "../users/admin-scope";
import { AGENCY_AUDIT } from "./audit-actions";

const SETTINGS = {
  id: true,
  name: true,
  timeZone: true,
  phone24x7: true,
  email: true,
  backupContactName: true,
  backupContactPhone: true,
  backupContactEmail: true,
  languages: true,
  noticeLeadHours: true,
  proximityBufferM: true,
  timeBufferMinutes: true,
  ackWindowMinutes: true,
} as const satisfies Prisma.AgencySelect;

export type AgencySettings = Prisma.AgencyGetPayload<{ select: typeof SETTINGS }>;

export async function getOwnAgencySettings({
  actor,
  db = defaultDb(),
}: {
  actor: Actor | null;
  db?: Db;
}): Promise<AgencySettings> {
  authorizeAgencyAdmin(actor);
  const agency = await db.agency.findUnique({ where: { id: actor.agencyId }, select: SETTINGS });
  if (!agency) throw new NotFoundError();
  return agency;
}

export async function updateAgencySettings({
  actor,
  input,
  now,
  db = defaultDb(),
}: {
  actor: Actor | null;
  input: unknown;
  now: Date;
  db?: Db;
}): Promise<void> {
  await auditRefusal(
    { db, actor, action: AGENCY_AUDIT.updateSettings, targetType: "Agency", targetId: actor?.agencyId, now },
    async () => {
      authorizeAgencyAdmin(actor);
      const parsed = agencySettingsSchema.safeParse(input);
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
      const data = toColumns(parsed.data);
      await db.$transaction(async (tx) => {
        const before = await tx.agency.findUnique({ where: { id: actor.agencyId }, select: SETTINGS });
        if (!before) throw new NotFoundError();
        const changes = diff(before, data);
        if (Object.keys(changes).length === 0) return;
        await tx.agency.update({ where: { id: actor.agencyId }, data });
        // Other agencies' checks find this agency's operations by keys widened with these buffers.
        if (changes.proximityBufferM || changes.timeBufferMinutes)
          await refreshAgencySearchKeys(tx, actor.agencyId, data);
        await recordAudit(tx, {
          action: AGENCY_AUDIT.updateSettings,
          targetType: "Agency",
          targetId: actor.agencyId,
          details: { changes },
          at: now,
          ...auditContext(actor),
        });
      });
      // API tokens act with the agency's name and time zone (other processes hear it from the trigger).
      forgetCachedTokens();
    },
  );
}

function toColumns(input: AgencySettingsInput) {
  return {
    phone24x7: input.phone24x7,
    email: input.email ?? null,
    backupContactName: input.backupContactName ?? null,
    backupContactPhone: input.backupContactPhone ?? null,
    backupContactEmail: input.backupContactEmail ?? null,
    languages: input.languages,
    noticeLeadHours: input.noticeLeadHours,
    proximityBufferM: input.proximityBufferM,
    timeBufferMinutes: input.timeBufferMinutes,
    ackWindowMinutes: input.ackWindowMinutes,
  };
}

/** Field → { from, to } for every value that changes; the audit trail records exactly what moved. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}
