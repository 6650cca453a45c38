// Reading the request log: the command queue (pending, soonest due first), the agency's full log
// with filters (oversight), the requests a federal office submitted, and one request with the
// rules that apply to it. The receiving agency's local reference is in its own views only.
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { FederalRequest, RequestRule } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { listEscalationSteps } from "../jobs/escalation";
import type { RequestListFilter } from "../validation/request";
import { requestListSchema } from "../validation/request";
import { ValidationError, zodIssues } from "../errors";
import { canDecide, findRequestForActor } from "./access";
import { applicableRules, directedDecisions, type AppliedRule } from "./evaluate";
import { REQUEST_OVERSIGHT_ROLES, REQUEST_READING_ROLES, REQUEST_SUBJECT } from "./roles";

export const LIST_LIMIT = 500;

export type RequestView = {
  id: string;
  ref: string;
  side: "AGENCY" | "REQUESTER";
  agencyId: string;
  agencyName: string;
  requesterAgencyId: string | null;
  requesterName: string;
  kind: FederalRequest["kind"];
  channel: FederalRequest["channel"];
  receivedAt: Date;
  dueAt: Date | null;
  basisDocument: FederalRequest["basisDocument"];
  basisSignedByJudge: boolean;
  basisCourt: string | null;
  offenceCategory: FederalRequest["offenceCategory"];
  decision: FederalRequest["decision"];
  decidedAt: Date | null;
  decidedByName: string | null;
  decisionRule: { id: string; title: string; citation: string } | null;
  decisionBasis: string | null;
  decisionReason: string | null;
  counselNotified: boolean | null;
  counselNotifiedAt: Date | null;
  /** The receiving agency's own fields; absent for the requester. */
  internal?: {
    localReference: string | null;
    departure: boolean;
    departureJustification: string | null;
    createdByLabel: string;
  };
};

type Names = Map<string, string>;

async function agencyNames(q: Db | Tx, rows: { agencyId: string; requesterAgencyId: string | null }[]): Promise<Names> {
  const ids = [...new Set(rows.flatMap((r) => [r.agencyId, ...(r.requesterAgencyId ? [r.requesterAgencyId] : [])]))];
  const agencies = await q.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(agencies.map((a) => [a.id, a.name]));
}

export function toView(
  actor: Actor,
  r: FederalRequest,
  names: Names,
  rules: Pick<RequestRule, "id" | "title" | "citation">[],
): RequestView {
  const side = r.agencyId === actor.agencyId ? "AGENCY" : "REQUESTER";
  const rule = r.decisionRuleId ? rules.find((x) => x.id === r.decisionRuleId) : undefined;
  return {
    id: r.id,
    ref: r.ref,
    side,
    agencyId: r.agencyId,
    agencyName: names.get(r.agencyId) ?? "",
    requesterAgencyId: r.requesterAgencyId,
    requesterName: (r.requesterAgencyId ? names.get(r.requesterAgencyId) : r.requesterName) ?? "",
    kind: r.kind,
    channel: r.channel,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    basisDocument: r.basisDocument,
    basisSignedByJudge: r.basisSignedByJudge,
    basisCourt: r.basisCourt,
    offenceCategory: r.offenceCategory,
    decision: r.decision,
    decidedAt: r.decidedAt,
    decidedByName: r.decidedByName,
    decisionRule: rule ? { id: rule.id, title: rule.title, citation: rule.citation } : null,
    decisionBasis: r.decisionBasis,
    decisionReason: r.decisionReason,
    counselNotified: r.counselNotified,
    counselNotifiedAt: r.counselNotifiedAt,
    ...(side === "AGENCY"
      ? {
          internal: {
            localReference: r.localReference,
            departure: r.departure,
            departureJustification: r.departureJustification,
            createdByLabel: r.createdByLabel,
          },
        }
      : {}),
  };
}

async function rulesOf(q: Db | Tx, agencyIds: string[]) {
  return q.requestRule.findMany({
    where: { agencyId: { in: [...new Set(agencyIds)] } },
    orderBy: { createdAt: "asc" },
  });
}

async function views(q: Db | Tx, actor: Actor, rows: FederalRequest[]) {
  const [names, rules] = await Promise.all([
    agencyNames(q, rows),
    rulesOf(
      q,
      rows.map((r) => r.agencyId),
    ),
  ]);
  return { names, rules, views: rows.map((r) => toView(actor, r, names, rules)) };
}

export type QueueItem = RequestView & { rules: AppliedRule[] };

/** Pending requests to the actor's agency, soonest due first (those without a due time last). */
export async function listQueue(args: { db: Db; actor: Actor }): Promise<QueueItem[]> {
  const { db, actor } = args;
  authorize(actor, { roles: REQUEST_READING_ROLES, agencyId: actor.agencyId });
  const rows = await db.federalRequest.findMany({
    where: { agencyId: actor.agencyId, decision: null },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }],
    take: LIST_LIMIT,
  });
  const { rules, views: list } = await views(db, actor, rows);
  const active = rules.filter((r) => r.active && r.agencyId === actor.agencyId);
  return list.map((v, i) => ({ ...v, rules: applicableRules(active, rows[i]) }));
}

export function filterWhere(actor: Actor, f: RequestListFilter): Prisma.FederalRequestWhereInput {
  return {
    agencyId: actor.agencyId,
    ...(f.status === "pending" ? { decision: null } : f.status === "decided" ? { decision: { not: null } } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.decision ? { decision: f.decision } : {}),
    ...(f.basis ? { basisDocument: f.basis } : {}),
    ...(f.category ? { offenceCategory: f.category } : {}),
    ...(f.departure ? { departure: f.departure === "true" } : {}),
    ...(f.from || f.to ? { receivedAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

export function parseFilter(raw: unknown): RequestListFilter {
  const parsed = requestListSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

/** The agency's own log, filtered, newest first. */
export async function listRequests(args: { db: Db; actor: Actor; filter: RequestListFilter }): Promise<RequestView[]> {
  const { db, actor } = args;
  authorize(actor, { roles: REQUEST_READING_ROLES, agencyId: actor.agencyId });
  const rows = await db.federalRequest.findMany({
    where: filterWhere(actor, args.filter),
    orderBy: { receivedAt: "desc" },
    take: LIST_LIMIT,
  });
  return (await views(db, actor, rows)).views;
}

/** The oversight view's rows: every request and decision of the agency in the filter. */
export async function listForOversight(args: { db: Db; actor: Actor; filter: RequestListFilter }) {
  const { db, actor } = args;
  authorize(actor, { roles: REQUEST_OVERSIGHT_ROLES, agencyId: actor.agencyId });
  const rows = await db.federalRequest.findMany({
    where: filterWhere(actor, args.filter),
    orderBy: { receivedAt: "desc" },
  });
  return (await views(db, actor, rows)).views;
}

/** What a federal office submitted through the portal, newest first, with the decisions. */
export async function listSubmitted(args: { db: Db; actor: Actor }): Promise<RequestView[]> {
  const { db, actor } = args;
  authorize(actor, { roles: REQUEST_READING_ROLES, agencyId: actor.agencyId });
  const rows = await db.federalRequest.findMany({
    where: { requesterAgencyId: actor.agencyId },
    orderBy: { receivedAt: "desc" },
    take: LIST_LIMIT,
  });
  return (await views(db, actor, rows)).views;
}

export type RequestDetail = {
  request: RequestView;
  /** The receiving agency's rules that apply, and the decisions they allow; empty for the requester. */
  rules: AppliedRule[];
  directed: string[];
  agencyRules: { id: string; title: string; citation: string }[];
  canDecide: boolean;
  escalation: Awaited<ReturnType<typeof listEscalationSteps>>;
};

export async function getRequest(args: { db: Db; actor: Actor; requestId: string }): Promise<RequestDetail> {
  const { db, actor, requestId } = args;
  const row = await findRequestForActor(db, actor, requestId, { id: true });
  const full = await db.federalRequest.findUniqueOrThrow({ where: { id: row.id } });
  const {
    views: [view],
    rules,
  } = await views(db, actor, [full]);
  const own = view.side === "AGENCY";
  const active = own ? rules.filter((r) => r.active && r.agencyId === actor.agencyId) : [];
  const applied = applicableRules(active, full);
  return {
    request: view,
    rules: applied,
    directed: own ? directedDecisions(applied) : [],
    agencyRules: own ? active.map((r) => ({ id: r.id, title: r.title, citation: r.citation })) : [],
    canDecide: own && !full.decision && (await canDecide(db, actor)),
    escalation: await listEscalationSteps(db, { actor, subjectType: REQUEST_SUBJECT, subjectId: full.id }),
  };
}
