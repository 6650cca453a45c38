// Audit events as a person reads them: one sentence per event in the reader's language ("Maria
// Lopez acknowledged notice N-2026-0012"), the person by name, the record by its reference and a
// link to it. Every record is looked up within the reader's agency's reach; what is out of reach
// (or gone) is named by its kind only ("a notice"), never by its id.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { can } from "../auth/authorize";
import type { Translate } from "../i18n/translate";
import { isId } from "../validation/operation";
import { attemptKey, AUDIT_ACTIONS, AUDIT_GROUPS, sentenceKey, type AuditGroup } from "./action-codes";
import type { AuditRow } from "./query";

export type SentencePart = string | { text: string; href: string | null };
export type EventView = AuditRow & {
  group: AuditGroup | null;
  parts: SentencePart[];
  text: string;
  who: string;
  targetText: string | null;
};

type Target = { text: string; href: string | null };
type Lookups = {
  people: Map<string, string>;
  tokens: Map<string, string>;
  targets: Map<string, Target>;
  agencies: Map<string, string>;
};

const KIND: Record<string, string> = { NOTICE: "Notice", CONFLICT: "Conflict", FEDERAL_REQUEST: "FederalRequest" };
const kindOf = (targetType: string | null) => (targetType ? (KIND[targetType] ?? targetType) : null);
const MARK = "\u0000";

export function groupOf(action: string): AuditGroup | null {
  for (const [group, prefixes] of Object.entries(AUDIT_GROUPS))
    if (prefixes.some((p) => action.startsWith(p))) return group as AuditGroup;
  return null;
}

/** The records, people and agencies a page of events names, each within the reader's reach. */
async function lookUp(db: Db, actor: Actor, events: AuditRow[]): Promise<Lookups> {
  const ids = (kind: string) => [
    ...new Set(events.filter((e) => kindOf(e.targetType) === kind && isId(e.targetId)).map((e) => e.targetId!)),
  ];
  const me = actor.agencyId;
  const admin = can(actor, { roles: ["AGENCY_ADMIN"], agencyId: me });
  const people = [...new Set(events.flatMap((e) => [e.actorUserId]).filter((id): id is string => isId(id)))];
  const tokenIds = [
    ...new Set(
      events.map((e) => /^api-token:(.+)$/.exec(e.actorLabel ?? "")?.[1]).filter((id): id is string => isId(id)),
    ),
  ];
  const recipients = [
    ...new Set(
      events
        .map((e) => (e.details as { recipientAgencyId?: unknown } | null)?.recipientAgencyId)
        .filter((id): id is string => isId(id)),
    ),
  ];
  const [notices, operations, conflicts, requests, users, actors, apiTokens, feeds, agencies, rules, reports] =
    await Promise.all([
      db.notice.findMany({
        where: { id: { in: ids("Notice") }, OR: [{ senderAgencyId: me }, { recipientAgencyId: me }] },
        select: { id: true, ref: true },
      }),
      db.operation.findMany({ where: { id: { in: ids("Operation") }, agencyId: me }, select: { id: true, ref: true } }),
      db.conflict.findMany({
        where: { id: { in: ids("Conflict") }, OR: [{ agencyAId: me }, { agencyBId: me }] },
        select: { id: true, agencyAId: true, agencyBId: true },
      }),
      db.federalRequest.findMany({
        where: { id: { in: ids("FederalRequest") }, OR: [{ agencyId: me }, { requesterAgencyId: me }] },
        select: { id: true, ref: true },
      }),
      db.user.findMany({ where: { id: { in: ids("User") }, agencyId: me }, select: { id: true, name: true } }),
      db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }),
      db.apiToken.findMany({
        where: { id: { in: [...ids("ApiToken"), ...tokenIds] }, agencyId: me },
        select: { id: true, name: true },
      }),
      db.calendarFeedToken.findMany({
        where: { id: { in: ids("CalendarFeedToken") }, agencyId: me },
        select: { id: true, name: true },
      }),
      db.agency.findMany({
        where: { id: { in: [...ids("Agency"), ...recipients] } },
        select: { id: true, name: true, slug: true },
      }),
      db.requestRule.findMany({
        where: { id: { in: ids("RequestRule") }, agencyId: me },
        select: { id: true, title: true },
      }),
      db.requestReport.findMany({
        where: { id: { in: ids("RequestReport") }, agencyId: me },
        select: { id: true, year: true, quarter: true },
      }),
    ]);
  const counterpartIds = conflicts.map((c) => (c.agencyAId === me ? c.agencyBId : c.agencyAId));
  const counterparts = new Map(
    (await db.agency.findMany({ where: { id: { in: counterpartIds } }, select: { id: true, shortName: true } })).map(
      (a) => [a.id, a.shortName],
    ),
  );
  const targets = new Map<string, Target>();
  for (const n of notices) targets.set(`Notice:${n.id}`, { text: n.ref, href: `/notices/${n.id}` });
  for (const o of operations) targets.set(`Operation:${o.id}`, { text: o.ref, href: `/operations/${o.id}` });
  for (const c of conflicts)
    targets.set(`Conflict:${c.id}`, {
      text: counterparts.get(c.agencyAId === me ? c.agencyBId : c.agencyAId) ?? "",
      href: `/conflicts/${c.id}`,
    });
  for (const r of requests) targets.set(`FederalRequest:${r.id}`, { text: r.ref, href: `/requests/${r.id}` });
  for (const u of users) targets.set(`User:${u.id}`, { text: u.name, href: admin ? `/admin/users/${u.id}` : null });
  for (const k of apiTokens)
    targets.set(`ApiToken:${k.id}`, { text: k.name, href: admin ? "/admin/api-tokens" : null });
  for (const f of feeds)
    targets.set(`CalendarFeedToken:${f.id}`, { text: f.name, href: admin ? "/admin/calendar" : null });
  for (const a of agencies) targets.set(`Agency:${a.id}`, { text: a.name, href: `/directory/${a.slug}` });
  for (const r of rules) targets.set(`RequestRule:${r.id}`, { text: r.title, href: null });
  for (const r of reports)
    targets.set(`RequestReport:${r.id}`, {
      text: r.quarter ? `Q${r.quarter} ${r.year}` : String(r.year),
      href: "/requests/reports",
    });
  return {
    people: new Map(actors.map((u) => [u.id, u.name])),
    tokens: new Map(apiTokens.map((k) => [k.id, k.name])),
    targets,
    agencies: new Map(agencies.map((a) => [a.id, a.name])),
  };
}

const TARGET_WORDS: Record<string, [string, string]> = {
  Notice: ["targets.Notice", "targets.aNotice"],
  Operation: ["targets.Operation", "targets.anOperation"],
  Conflict: ["targets.Conflict", "targets.aConflict"],
  FederalRequest: ["targets.FederalRequest", "targets.aRequest"],
  User: ["targets.User", "targets.aUser"],
  ApiToken: ["targets.ApiToken", "targets.aToken"],
  CalendarFeedToken: ["targets.CalendarFeedToken", "targets.aFeed"],
  Agency: ["targets.Agency", "targets.anAgency"],
  RequestRule: ["targets.RequestRule", "targets.aRule"],
  RequestReport: ["targets.RequestReport", "targets.aReport"],
};

function who(e: AuditRow, l: Lookups, t: Translate): string {
  if (e.actorUserId && l.people.has(e.actorUserId)) return l.people.get(e.actorUserId)!;
  const token = /^api-token:(.+)$/.exec(e.actorLabel ?? "")?.[1];
  if (token)
    return l.tokens.has(token) ? t("auditlog.apiToken", { name: l.tokens.get(token)! }) : t("auditlog.anApiToken");
  if (e.actorLabel === "system:escalation") return t("auditlog.escalationService");
  if (!e.actorLabel || e.actorLabel === "seed" || e.actorLabel.startsWith("system")) return t("auditlog.system");
  // A label that is not a person of this portal (a sign-in attempt for an unknown address).
  return e.actorLabel;
}

function target(e: AuditRow, l: Lookups, t: Translate): Target | null {
  const kind = kindOf(e.targetType);
  if (!kind || !TARGET_WORDS[kind]) return null;
  const found = e.targetId ? l.targets.get(`${kind}:${e.targetId}`) : undefined;
  const [named, unnamed] = TARGET_WORDS[kind];
  const escalation = e.action === "escalation.step";
  if (!found) return { text: t(`auditlog.${unnamed}`), href: null };
  const key =
    escalation && kind === "Notice"
      ? "targets.noticeForEscalation"
      : escalation && kind === "Conflict"
        ? "targets.conflictForEscalation"
        : named;
  return { text: t(`auditlog.${key}`, { ref: found.text, name: found.text, agency: found.text }), href: found.href };
}

/** The words a sentence takes from the event's recorded details, translated where they are codes. */
function detailParams(e: AuditRow, l: Lookups, t: Translate): Record<string, string | number> {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
  const decision = str(d.decision);
  return {
    recipient: l.agencies.get(str(d.recipientAgencyId)) ?? t("auditlog.targets.anAgency"),
    decision: decision
      ? t(e.action.startsWith("request.") ? `requests.decisions.${decision}` : `notices.decisions.${decision}`)
      : "",
    outcome: d.outcome ? t(`conflicts.outcomes.${str(d.outcome)}`) : "",
    to: d.to && e.action === "operation.transition" ? t(`operations.statuses.${str(d.to)}`) : str(d.to),
    level: d.level ? t(`notices.levels.${str(d.level)}`) : "",
    rows: typeof d.rows === "number" ? d.rows : typeof d.count === "number" ? d.count : 0,
    total: typeof d.total === "number" ? d.total : 0,
    method: str(d.method),
    path: str(d.path),
    status: str(d.status),
  };
}

/** `t` has no namespace. */
export async function describeEvents(args: {
  db: Db;
  actor: Actor;
  events: AuditRow[];
  t: Translate;
}): Promise<EventView[]> {
  const { db, actor, events, t } = args;
  const l = await lookUp(db, actor, events);
  const known = new Set(AUDIT_ACTIONS);
  return events.map((e) => {
    const person = who(e, l, t);
    const tgt = target(e, l, t);
    const params = { ...detailParams(e, l, t), who: person, target: MARK };
    let sentence: string;
    if (!known.has(e.action)) sentence = t("auditlog.unknownAction", { who: person, action: e.action });
    else if (e.outcome === "SUCCESS") sentence = t(`auditlog.${sentenceKey(e.action)}`, params);
    else
      sentence = t(e.outcome === "DENIED" ? "auditlog.refused" : "auditlog.failed", {
        who: person,
        what: t(`auditlog.${attemptKey(e.action)}`, params),
      });
    const pieces = sentence.split(MARK);
    const parts: SentencePart[] = [];
    pieces.forEach((p, i) => {
      if (i > 0) parts.push(tgt ?? { text: "—", href: null });
      if (p) parts.push(p);
    });
    const text = parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
    return { ...e, group: groupOf(e.action), parts, text, who: person, targetText: tgt?.text ?? null };
  });
}
