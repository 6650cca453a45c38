// The demo world's federal requests: three sheriffs with different policies — DuPage under the
// Illinois TRUST Act preset, Kankakee with a 287(g) jail agreement (its shift supervisor designated
// to decide, its old release policy retired), rural Iroquois with no written rules yet — and a year of requests to each from the federal offices, decided the way each
// policy directs (with a few documented departures and some still pending), so the queue,
// oversight and reports have something true to show. Deterministic: a seeded generator.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../lib/db/client";
import type {
  FederalRequestKind,
  LegalBasisDocument,
  OffenceCategory,
  RequestChannel,
  RequestDecision,
} from "../../lib/db/generated/enums";
import { recordAudit } from "../../lib/audit/record";
import { catalog } from "../../lib/i18n/catalog";
import { createTranslator } from "../../lib/i18n/translate";
import { computeDueAt } from "../../lib/requests/due";
import { applicableRules, directedDecisions, type RuleLike } from "../../lib/requests/evaluate";
import { presetByKey, presetRuleTitleKey } from "../../lib/requests/presets";
import { newRequestRef } from "../../lib/requests/ref";

export const REQUEST_POLICIES: {
  slug: string;
  preset: string | null;
  perYear: number;
  designateSupervisor?: boolean;
  retired?: { title: string; citation: string }[];
}[] = [
  { slug: "dupage-sheriff", preset: "ilTrustAct", perYear: 96 },
  // The jail's shift supervisor decides overnight detainers too; the pre-agreement release policy is retired, not deleted.
  {
    slug: "kankakee-sheriff",
    preset: "jail287g",
    perYear: 180,
    designateSupervisor: true,
    retired: [
      {
        title: "Release dates shared on request by telephone",
        citation: "Kankakee County Sheriff General Order 12-04 (superseded)",
      },
    ],
  },
  { slug: "iroquois-sheriff", preset: null, perYear: 14 },
];

/** Mulberry32: small, fast, and the same sequence every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, weighted: [T, number][]): T => {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
};

const KINDS: [FederalRequestKind, number][] = [
  ["DETAINER", 34],
  ["RELEASE_NOTIFICATION", 18],
  ["CUSTODY_TRANSFER", 12],
  ["ADMINISTRATIVE_WARRANT", 8],
  ["INFORMATION_REQUEST", 10],
  ["CUSTODIAL_INTERVIEW", 6],
  ["JUDICIAL_WARRANT", 4],
  ["OPERATIONAL_ASSISTANCE", 4],
  ["COURTHOUSE_ASSISTANCE", 2],
  ["OTHER", 2],
];
const BASIS: Record<FederalRequestKind, [LegalBasisDocument, number][]> = {
  DETAINER: [
    ["I247A_DETAINER", 9],
    ["JUDICIAL_ARREST_WARRANT", 1],
  ],
  RELEASE_NOTIFICATION: [
    ["I247A_DETAINER", 6],
    ["NONE", 4],
  ],
  CUSTODY_TRANSFER: [
    ["I205_ADMINISTRATIVE_WARRANT", 5],
    ["I200_ADMINISTRATIVE_WARRANT", 4],
    ["JUDICIAL_ARREST_WARRANT", 1],
  ],
  ADMINISTRATIVE_WARRANT: [
    ["I200_ADMINISTRATIVE_WARRANT", 6],
    ["I205_ADMINISTRATIVE_WARRANT", 4],
  ],
  INFORMATION_REQUEST: [
    ["NONE", 5],
    ["SUBPOENA", 3],
    ["COURT_ORDER", 2],
  ],
  CUSTODIAL_INTERVIEW: [
    ["NONE", 8],
    ["COURT_ORDER", 2],
  ],
  JUDICIAL_WARRANT: [
    ["JUDICIAL_ARREST_WARRANT", 8],
    ["JUDICIAL_SEARCH_WARRANT", 2],
  ],
  OPERATIONAL_ASSISTANCE: [["NONE", 1]],
  COURTHOUSE_ASSISTANCE: [
    ["I200_ADMINISTRATIVE_WARRANT", 1],
    ["NONE", 1],
  ],
  OTHER: [["OTHER", 1]],
};
const CATEGORIES: [OffenceCategory, number][] = [
  ["CIVIL_IMMIGRATION_ONLY", 40],
  ["MISDEMEANOR", 22],
  ["OTHER_FELONY", 18],
  ["VIOLENT_FELONY", 10],
  ["NONE_STATED", 9],
  ["NATIONAL_SECURITY", 1],
];
const CHANNELS: [RequestChannel, number][] = [
  ["PORTAL", 55],
  ["FAX", 15],
  ["EMAIL", 12],
  ["NCIC_HIT", 10],
  ["PHONE", 6],
  ["IN_PERSON", 2],
];
const JUDICIAL: LegalBasisDocument[] = ["JUDICIAL_ARREST_WARRANT", "JUDICIAL_SEARCH_WARRANT", "COURT_ORDER"];

export async function seedRequests(tx: Tx, ids: Map<string, string>, now: Date): Promise<void> {
  const t = createTranslator(catalog.en, "en", "requests");
  const federal = ["ice-ero-chicago", "hsi-chicago", "usms-ndil"]
    .map((s) => ids.get(s))
    .filter((x): x is string => !!x);
  for (const [n, policy] of REQUEST_POLICIES.entries()) {
    const agencyId = ids.get(policy.slug);
    if (!agencyId || federal.length === 0) continue;
    const preset = policy.preset ? presetByKey(policy.preset) : undefined;
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    const rules: RuleLike[] = (preset?.rules ?? []).map((r) => ({
      id: randomUUID(),
      title: t(presetRuleTitleKey(preset!.key, r.key)),
      kinds: r.kinds,
      condition: r.condition,
      directive: r.directive,
      source: r.source,
      citation: r.citation,
      active: true,
    }));
    for (const [i, r] of rules.entries()) {
      const at = new Date(yearAgo.getTime() - 30 * 86_400_000 + i);
      await tx.requestRule.create({
        data: {
          id: r.id,
          agencyId,
          title: r.title,
          kinds: r.kinds,
          condition: r.condition,
          directive: r.directive,
          source: r.source as never,
          citation: r.citation,
          presetKey: preset!.key,
          presetRuleKey: preset!.rules[i].key,
          createdAt: at,
          updatedAt: at,
        },
      });
    }
    for (const [i, old] of (policy.retired ?? []).entries()) {
      const at = new Date(yearAgo.getTime() - 400 * 86_400_000 + i);
      await tx.requestRule.create({
        data: {
          id: randomUUID(),
          agencyId,
          title: old.title,
          kinds: ["RELEASE_NOTIFICATION"],
          condition: "ALWAYS",
          directive: "COMPLY",
          source: "AGENCY_POLICY",
          citation: old.citation,
          active: false,
          createdAt: at,
          updatedAt: new Date(yearAgo.getTime() - 30 * 86_400_000),
        },
      });
    }
    const chief = await tx.user.findFirst({
      where: { agencyId, roles: { has: "CHIEF" } },
      select: { id: true, name: true },
    });
    const clerk = await tx.user.findFirst({
      where: { agencyId, roles: { has: "LIAISON" } },
      select: { id: true, name: true },
    });
    const supervisor = policy.designateSupervisor
      ? await tx.user.findFirst({ where: { agencyId, roles: { has: "SUPERVISOR" } }, select: { id: true } })
      : null;
    if (supervisor)
      await tx.requestCommandDesignation.create({
        data: {
          id: randomUUID(),
          agencyId,
          userId: supervisor.id,
          designatedById: chief?.id ?? null,
          createdAt: yearAgo,
        },
      });
    const r = rng(20_270_000 + n);
    const data = [];
    for (let i = 0; i < policy.perYear; i++) {
      const receivedAt = new Date(yearAgo.getTime() + Math.floor(r() * 365 * 86_400_000));
      const kind = pick(r, KINDS);
      const basisDocument = pick(r, BASIS[kind]);
      const offenceCategory = pick(r, CATEGORIES);
      const channel = pick(r, CHANNELS);
      const requesterAgencyId = channel === "PORTAL" ? federal[Math.floor(r() * federal.length)] : null;
      const facts = { kind, basisDocument, basisSignedByJudge: JUDICIAL.includes(basisDocument), offenceCategory };
      const dueAt = computeDueAt({
        kind,
        receivedAt,
        dueAt: kind === "DETAINER" ? null : new Date(receivedAt.getTime() + (24 + Math.floor(r() * 96)) * 3_600_000),
      });
      const pending = now.getTime() - receivedAt.getTime() < 2 * 86_400_000 && r() < 0.8;
      const applied = applicableRules(rules, facts);
      const allowed = directedDecisions(applied);
      // Mostly as the rules direct; about one in forty departs, with a justification on record.
      const departs = applied.length > 0 && r() < 0.025;
      const options: RequestDecision[] = departs
        ? (["COMPLIED", "DECLINED", "PARTIALLY_COMPLIED"] as RequestDecision[]).filter((d) => !allowed.includes(d))
        : allowed.filter((d) => d !== "NOT_APPLICABLE");
      const decision: RequestDecision | null = pending
        ? null
        : (options[Math.floor(r() * options.length)] ?? "REFERRED_TO_COUNSEL");
      const decidedAt = decision ? new Date(receivedAt.getTime() + Math.floor((0.5 + r() * 30) * 3_600_000)) : null;
      const interview = kind === "CUSTODIAL_INTERVIEW";
      const rule = applied[0];
      data.push({
        id: randomUUID(),
        ref: newRequestRef(),
        agencyId,
        requesterAgencyId,
        requesterName: requesterAgencyId
          ? null
          : pick(r, [
              ["ICE ERO Chicago", 6],
              ["ICE ERO St. Paul (Peoria sub-office)", 1],
              ["CBP Chicago", 1],
            ] as [string, number][]),
        channel,
        receivedAt,
        dueAt,
        ...facts,
        basisCourt: facts.basisSignedByJudge ? "U.S. District Court, N.D. Ill." : null,
        localReference: null,
        createdById: requesterAgencyId ? null : (clerk?.id ?? null),
        createdByLabel: requesterAgencyId ? "ICE ERO Chicago" : (clerk?.name ?? "Records"),
        createdAt: receivedAt,
        updatedAt: decidedAt ?? receivedAt,
        decision,
        decidedAt,
        decidedById: decision ? (chief?.id ?? null) : null,
        decidedByName: decision ? (chief?.name ?? null) : null,
        decisionRuleId: decision && rule && !departs ? rule.id : null,
        decisionBasis:
          decision && (!rule || departs) ? (facts.basisSignedByJudge ? "Judicial warrant" : "Agency discretion") : null,
        decisionReason: decision
          ? departs
            ? "Exception approved by the sheriff."
            : "Decided as agency policy directs."
          : null,
        departure: departs && decision !== null,
        departureJustification:
          departs && decision
            ? "Documented public-safety exception approved by the sheriff after consulting county counsel."
            : null,
        counselNotified: interview && decision ? r() < 0.85 : null,
        counselNotifiedAt: interview && decision ? receivedAt : null,
      });
    }
    // A policy's interview rule is not departed from silently: an interview without counsel notified is declined.
    for (const d of data)
      if (
        d.kind === "CUSTODIAL_INTERVIEW" &&
        d.counselNotified === false &&
        !d.departure &&
        rules.some((x) => x.directive === "NOTIFY_COUNSEL_BEFORE_INTERVIEW")
      )
        d.decision = d.decision === "COMPLIED" || d.decision === "PARTIALLY_COMPLIED" ? "DECLINED" : d.decision;
    await tx.federalRequest.createMany({ data });
    await recordAudit(tx, {
      action: "seed.request.create",
      targetType: "FederalRequest",
      agencyId,
      actorLabel: "seed",
      details: {
        count: data.length,
        preset: policy.preset,
        rules: rules.length,
        retiredRules: policy.retired?.length ?? 0,
        designated: supervisor ? [supervisor.id] : [],
      },
      at: now,
    });
  }
}
