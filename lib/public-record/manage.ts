// Drafting and publishing the public record. A document's newest unpublished version is its
// draft (at most one); publishing freezes it, and the next edit starts a new version, so every
// published version stays readable. Every change is audited in its own transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { ForbiddenError, NotFoundError } from "../errors";
import { canDecide } from "../requests/access";
import { forgetPublicRecord } from "./public-cache";
import type { DraftInput } from "../validation/public-record";
import {
  PUBLIC_RECORD_AUDIT,
  PUBLIC_RECORD_DRAFTING_ROLES,
  PUBLIC_RECORD_READING_ROLES,
  SINGLETON_SLUG,
} from "./roles";

const asDay = (s: string | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

export function slugFromTitle(title: string): string {
  const s = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return s || "policy";
}

function versionFields(input: DraftInput) {
  const agreement = input.kind === "AGREEMENT_287G";
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    translations: (input.titleEs
      ? { es: { title: input.titleEs, summary: input.summaryEs, body: input.bodyEs } }
      : {}) as Prisma.InputJsonValue,
    effectiveOn: asDay(input.effectiveOn),
    nextReviewOn: asDay(input.nextReviewOn),
    agreementStatus: agreement ? (input.agreementStatus ?? null) : null,
    agreementModel: agreement ? (input.agreementModel ?? null) : null,
    signedOn: agreement ? asDay(input.signedOn) : null,
    renewalOn: agreement ? asDay(input.renewalOn) : null,
    designatedOfficers: agreement ? (input.designatedOfficers ?? null) : null,
  };
}

async function uniqueSlug(db: Db, agencyId: string, input: DraftInput): Promise<string> {
  if (input.kind !== "POLICY") return SINGLETON_SLUG[input.kind];
  const base = slugFromTitle(input.title);
  const taken = new Set(
    (await db.publicDocument.findMany({ where: { agencyId, slug: { startsWith: base } }, select: { slug: true } })).map(
      (d) => d.slug,
    ),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Saves the draft: a new document, a new version of a published one, or the open draft edited. */
export async function saveDraft(args: {
  db: Db;
  actor: Actor;
  input: DraftInput;
  now: Date;
}): Promise<{ documentId: string; versionId: string; version: number }> {
  const { db, actor, input, now } = args;
  authorize(actor, { roles: PUBLIC_RECORD_DRAFTING_ROLES, agencyId: actor.agencyId });
  const agencyId = actor.agencyId;
  let document = input.documentId
    ? await db.publicDocument.findFirst({ where: { id: input.documentId, agencyId }, select: { id: true, kind: true } })
    : null;
  if (input.documentId && !document) throw new NotFoundError();
  if (!document && input.kind !== "POLICY")
    document = await db.publicDocument.findFirst({
      where: { agencyId, kind: input.kind },
      select: { id: true, kind: true },
    });
  const fields = versionFields(document ? { ...input, kind: document.kind } : input);

  return db.$transaction(async (tx) => {
    let documentId = document?.id;
    if (!documentId) {
      documentId = randomUUID();
      await tx.publicDocument.create({
        data: {
          id: documentId,
          agencyId,
          kind: input.kind,
          slug: await uniqueSlug(db, agencyId, input),
          createdAt: now,
        },
      });
    }
    const latest = await tx.publicDocumentVersion.findFirst({
      where: { documentId, agencyId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, publishedAt: true },
    });
    if (latest && !latest.publishedAt) {
      await tx.publicDocumentVersion.update({
        where: { id: latest.id, agencyId, publishedAt: null },
        data: { ...fields, updatedAt: now },
      });
      await recordAudit(tx, {
        action: PUBLIC_RECORD_AUDIT.draftUpdate,
        targetType: "PublicDocumentVersion",
        targetId: latest.id,
        at: now,
        details: { documentId, version: latest.version, title: fields.title },
        ...auditContext(actor),
      });
      return { documentId, versionId: latest.id, version: latest.version };
    }
    const id = randomUUID();
    const version = (latest?.version ?? 0) + 1;
    await tx.publicDocumentVersion.create({
      data: { id, documentId, agencyId, version, ...fields, createdById: actor.userId, createdAt: now, updatedAt: now },
    });
    await recordAudit(tx, {
      action: PUBLIC_RECORD_AUDIT.draftCreate,
      targetType: "PublicDocumentVersion",
      targetId: id,
      at: now,
      details: { documentId, version, kind: document?.kind ?? input.kind, title: fields.title },
      ...auditContext(actor),
    });
    return { documentId, versionId: id, version };
  });
}

/** Command publishes a draft of its own agency: from then on the version is frozen and public. */
export async function publishVersion(args: {
  db: Db;
  actor: Actor;
  versionId: string;
  now: Date;
}): Promise<{ documentId: string; version: number }> {
  const { db, actor, versionId, now } = args;
  if (!(await canDecide(db, actor))) throw new ForbiddenError("publicRecord.errors.commandOnly");
  const published = await db.$transaction(async (tx) => {
    const draft = await tx.publicDocumentVersion.findFirst({
      where: { id: versionId, agencyId: actor.agencyId, publishedAt: null },
      select: { id: true, documentId: true, version: true, title: true },
    });
    if (!draft) throw new NotFoundError();
    await tx.publicDocumentVersion.update({
      where: { id: draft.id, agencyId: actor.agencyId, publishedAt: null },
      data: { publishedAt: now, publishedById: actor.userId },
    });
    await recordAudit(tx, {
      action: PUBLIC_RECORD_AUDIT.publish,
      targetType: "PublicDocumentVersion",
      targetId: draft.id,
      at: now,
      details: { documentId: draft.documentId, version: draft.version, title: draft.title },
      ...auditContext(actor),
    });
    return { documentId: draft.documentId, version: draft.version };
  });
  // Every process hears of it from the database (NOTIFY on commit); this one forgets at once.
  forgetPublicRecord();
  return published;
}

/** The admin page's list: every document of the actor's agency with its versions. */
export async function listAgencyDocuments(args: { db: Db; actor: Actor }) {
  const { db, actor } = args;
  authorize(actor, { roles: PUBLIC_RECORD_READING_ROLES, agencyId: actor.agencyId });
  return db.publicDocument.findMany({
    where: { agencyId: actor.agencyId },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      slug: true,
      versions: { where: { agencyId: actor.agencyId }, orderBy: { version: "desc" } },
    },
  });
}
