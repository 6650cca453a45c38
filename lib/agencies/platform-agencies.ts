// The platform admin registers agencies and keeps their records: name, level, kind, boundary and
// contacts. Each change is audited under the agency it concerns, so that agency's auditors see it.
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { auditContext } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { revokeAgencyTokens } from "../api-tokens/manage-tokens";
import { forgetCachedTokens } from "../api-tokens/token-cache";
import { recordAudit } from "../audit/record";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { agencySchema, type AgencyInput, type MultiPolygon } from "../validation/agency";
import { auditRefusal } from "../users/admin-scope";
import { asMultiPolygon, boundaryColumns } from "./boundary";
import { diff } from "./agency-settings";
import { AGENCY_AUDIT } from "./audit-actions";

const SLUG_TAKEN = "platform.form.slugTaken";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Args = { actor: Actor | null; now: Date; db?: Db };

function authorizePlatformAdmin(actor: Actor | null | undefined): asserts actor is Actor {
  authorize(actor, { platformAdmin: true });
}

export async function listAllAgencies({ actor, db = defaultDb() }: { actor: Actor | null; db?: Db }) {
  authorizePlatformAdmin(actor);
  const rows = await db.agency.findMany({
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      level: true,
      kind: true,
      active: true,
      bboxMinLon: true,
      _count: { select: { users: true } },
    },
  });
  return rows.map(({ _count, bboxMinLon, ...a }) => ({ ...a, hasBoundary: bboxMinLon !== null, users: _count.users }));
}

export type EditableAgency = Omit<AgencyInput, "boundary" | "languages"> & {
  id: string;
  boundary: MultiPolygon | null;
  languages: string[];
};

export async function getAgencyForEdit({
  actor,
  agencyId,
  db = defaultDb(),
}: {
  actor: Actor | null;
  agencyId: string;
  db?: Db;
}): Promise<EditableAgency> {
  authorizePlatformAdmin(actor);
  if (!UUID.test(agencyId)) throw new NotFoundError();
  const a = await db.agency.findUnique({ where: { id: agencyId } });
  if (!a) throw new NotFoundError();
  return {
    id: a.id,
    name: a.name,
    shortName: a.shortName,
    slug: a.slug,
    level: a.level,
    kind: a.kind as AgencyInput["kind"],
    timeZone: a.timeZone,
    boundary: asMultiPolygon(a.boundary),
    active: a.active,
    phone24x7: a.phone24x7,
    email: a.email ?? undefined,
    backupContactName: a.backupContactName ?? undefined,
    backupContactPhone: a.backupContactPhone ?? undefined,
    backupContactEmail: a.backupContactEmail ?? undefined,
    languages: a.languages,
    noticeLeadHours: a.noticeLeadHours,
    proximityBufferM: a.proximityBufferM,
    timeBufferMinutes: a.timeBufferMinutes,
    ackWindowMinutes: a.ackWindowMinutes,
  };
}

export async function createAgency({
  actor,
  input,
  now,
  db = defaultDb(),
}: Args & { input: unknown }): Promise<{ id: string }> {
  return auditRefusal({ db, actor, action: AGENCY_AUDIT.create, targetType: "Agency", now }, async () => {
    authorizePlatformAdmin(actor);
    const data = parse(input);
    return withUniqueSlug(() =>
      db.$transaction(async (tx) => {
        const agency = await tx.agency.create({
          data: { ...agencyColumns(data), createdAt: now },
          select: { id: true },
        });
        await audit(
          tx,
          actor,
          AGENCY_AUDIT.create,
          agency.id,
          { slug: data.slug, name: data.name, level: data.level, kind: data.kind },
          now,
        );
        return agency;
      }),
    );
  });
}

export async function updateAgency({
  actor,
  agencyId,
  input,
  now,
  db = defaultDb(),
}: Args & { agencyId: string; input: unknown }): Promise<void> {
  await auditRefusal(
    { db, actor, action: AGENCY_AUDIT.update, targetType: "Agency", targetId: agencyId.slice(0, 64), now },
    async () => {
      authorizePlatformAdmin(actor);
      if (!UUID.test(agencyId)) throw new NotFoundError();
      const data = parse(input);
      await withUniqueSlug(() =>
        db.$transaction(async (tx) => {
          const before = await tx.agency.findUnique({ where: { id: agencyId } });
          if (!before) throw new NotFoundError();
          const next = agencyColumns(data);
          const { boundary: beforeBoundary, ...beforeRest } = before;
          const { boundary: nextBoundary, ...nextRest } = next;
          const changes = diff(beforeRest, nextRest);
          // The boundary can be large: record that it changed, not both versions.
          if (JSON.stringify(beforeBoundary ?? null) !== JSON.stringify(data.boundary ?? null))
            changes.boundary = { from: beforeBoundary ? "set" : null, to: data.boundary ? "set" : null };
          if (Object.keys(changes).length === 0) return;
          await tx.agency.update({ where: { id: agencyId }, data: { ...nextRest, boundary: nextBoundary } });
          await audit(tx, actor, AGENCY_AUDIT.update, agencyId, { changes }, now);
          // A deactivated agency's API tokens are revoked, not merely idle: reactivating it later
          // does not bring them back.
          if (before.active && !next.active) await revokeAgencyTokens(tx, { actor, agencyId, now });
        }),
      );
      // A deactivated agency's tokens stop working here at once (other processes hear it from the trigger).
      forgetCachedTokens();
    },
  );
}

function parse(input: unknown): AgencyInput {
  const parsed = agencySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

/** The Agency row's columns for a validated agency record. */
export function agencyColumns(d: AgencyInput) {
  return {
    slug: d.slug,
    name: d.name,
    shortName: d.shortName,
    level: d.level,
    kind: d.kind,
    timeZone: d.timeZone,
    active: d.active,
    phone24x7: d.phone24x7,
    email: d.email ?? null,
    backupContactName: d.backupContactName ?? null,
    backupContactPhone: d.backupContactPhone ?? null,
    backupContactEmail: d.backupContactEmail ?? null,
    languages: d.languages,
    noticeLeadHours: d.noticeLeadHours,
    proximityBufferM: d.proximityBufferM,
    timeBufferMinutes: d.timeBufferMinutes,
    ackWindowMinutes: d.ackWindowMinutes,
    ...boundaryColumns(d.boundary),
  };
}

async function withUniqueSlug<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new ValidationError([{ path: "slug", message: SLUG_TAKEN }]);
    throw e;
  }
}

function audit(tx: Tx, actor: Actor, action: string, agencyId: string, details: Record<string, unknown>, now: Date) {
  return recordAudit(tx, {
    ...auditContext(actor),
    agencyId,
    action,
    targetType: "Agency",
    targetId: agencyId,
    details,
    at: now,
  });
}
