// "These agencies will be notified": the filing form asks while the area, window and added
// agencies change. The same routing as filing, nothing stored; with the lead time each host
// asks for, and whether the filing would have to be exigent. It names agencies whose operations
// collide, so it is a dry run like the conflict check: capped, rate limited and audited the same way.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError } from "../errors";
import { runCheck } from "../operations/check";
import { admitProbe, boxOf, noteInvalidProbe, noteProbe, type ProbeSink } from "../operations/probe-guard";
import { agencyBuffers } from "../operations/file-operation";
import { FILING_ROLES } from "../operations/roles";
import { recipientPreviewSchema } from "../validation/notice";
import { dryRunSchema } from "../validation/operation";
import { exigentRequired, isLate, leadMinutes } from "./lead-time";
import { routeRecipients } from "./routing";

export type PreviewRecipient = {
  agencyId: string;
  name: string;
  level: string;
  reasons: string[];
  requiredLeadHours: number;
  late: boolean;
};
export type RecipientPreview = { recipients: PreviewRecipient[]; leadMinutes: number; exigentRequired: boolean };

const PREVIEW_ID = "00000000-0000-0000-0000-000000000000";

export async function previewRecipients(args: {
  db: Db;
  actor: Actor;
  input: unknown;
  now: Date;
  sink?: ProbeSink;
}): Promise<RecipientPreview> {
  const { db, actor, now } = args;
  authorize(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  const parsed = dryRunSchema.safeParse(args.input);
  if (!parsed.success) {
    await noteInvalidProbe(args, "RECIPIENTS", args.input);
    throw parsed.error;
  }
  const base = parsed.data;
  const { addedAgencyIds = [], operationId } = recipientPreviewSchema.parse(args.input);
  await admitProbe(args, "RECIPIENTS", base);
  await noteProbe(args, {
    kind: "RECIPIENTS",
    outcome: "ANSWERED",
    bbox: boxOf(base.area),
    startsAt: base.startsAt.toISOString(),
    endsAt: base.endsAt.toISOString(),
  });
  if (operationId && (await db.operation.count({ where: { id: operationId, agencyId: actor.agencyId } })) === 0)
    throw new NotFoundError();
  const subject = {
    id: operationId ?? PREVIEW_ID,
    agencyId: actor.agencyId,
    area: base.area,
    startsAt: base.startsAt,
    endsAt: base.endsAt,
    riskFlags: base.riskFlags ?? [],
  };
  const { conflicts } = await runCheck(db, subject, await agencyBuffers(db, actor.agencyId), operationId);
  const routed = await routeRecipients(db, {
    senderAgencyId: actor.agencyId,
    area: base.area,
    conflictAgencyIds: conflicts.map((c) => c.agencyBId),
    addedAgencyIds,
  });
  const lead = leadMinutes(base.startsAt, now);
  const recipients: PreviewRecipient[] = routed.map((r) => ({
    agencyId: r.agencyId,
    name: r.name,
    level: r.level,
    reasons: r.reasons,
    requiredLeadHours: r.noticeLeadHours,
    late: isLate(lead, r.noticeLeadHours),
  }));
  if (operationId) {
    // An edit also goes to everyone told before.
    const told = await db.notice.findMany({
      where: { operationId, senderAgencyId: actor.agencyId, supersededAt: null, kind: { not: "CANCELLATION" } },
      select: { recipientAgencyId: true },
      distinct: ["recipientAgencyId"],
    });
    const missing = told.map((n) => n.recipientAgencyId).filter((id) => !recipients.some((r) => r.agencyId === id));
    const rows = missing.length
      ? await db.agency.findMany({
          where: { id: { in: missing } },
          select: { id: true, name: true, level: true, noticeLeadHours: true },
        })
      : [];
    for (const a of rows)
      recipients.push({
        agencyId: a.id,
        name: a.name,
        level: a.level,
        reasons: [],
        requiredLeadHours: a.noticeLeadHours,
        late: isLate(lead, a.noticeLeadHours),
      });
  }
  const hostLeadHours = routed.filter((r) => r.reasons.includes("HOST")).map((r) => r.noticeLeadHours);
  return {
    recipients,
    leadMinutes: lead,
    exigentRequired: exigentRequired({ startsAt: base.startsAt, now, hostLeadHours }),
  };
}

/** Agencies a filer may add: every other active agency, by name. */
export async function listNotifiableAgencies(args: {
  db: Db;
  actor: Actor;
}): Promise<{ id: string; name: string; level: string }[]> {
  authorize(args.actor, { roles: FILING_ROLES, agencyId: args.actor.agencyId });
  return args.db.agency.findMany({
    where: { active: true, id: { not: args.actor.agencyId } },
    select: { id: true, name: true, level: true },
    orderBy: { name: "asc" },
  });
}

/** An own operation's notice fields, for filling the edit form in again. */
export async function getNoticeFields(args: { db: Db; actor: Actor; operationId: string }) {
  authorize(args.actor, { roles: FILING_ROLES, agencyId: args.actor.agencyId });
  const row = await args.db.operation.findFirst({
    where: { id: args.operationId, agencyId: args.actor.agencyId },
    select: {
      areaPrecision: true,
      impactRoadClosures: true,
      impactSchools: true,
      impactCrowding: true,
      pioName: true,
      pioPhone: true,
      pioEmail: true,
      publicStatementEn: true,
      publicStatementEs: true,
      addedNoticeAgencyIds: true,
    },
  });
  if (!row) throw new NotFoundError();
  return row;
}
