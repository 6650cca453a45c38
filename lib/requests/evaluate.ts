// Which of an agency's rules apply to a request and what they direct, and whether a decision
// departs from that. Pure: plain data in, plain data out, no clock.
import type { FederalRequestKind, LegalBasisDocument, OffenceCategory, RequestDecision } from "../db/generated/enums";
import { JUDICIAL_DOCUMENTS, type RuleCondition, type RuleDirective } from "../validation/request";

export type RuleLike = {
  id: string;
  title: string;
  kinds: FederalRequestKind[];
  condition: string;
  directive: string;
  source: string;
  citation: string;
  active: boolean;
};
export type RequestFacts = {
  kind: FederalRequestKind;
  basisDocument: LegalBasisDocument;
  basisSignedByJudge: boolean;
  offenceCategory: OffenceCategory;
};

/** The decisions consistent with each directive. Referral to counsel never departs from a rule. */
const CONSISTENT: Record<RuleDirective, readonly RequestDecision[]> = {
  DECLINE: ["DECLINED", "REFERRED_TO_COUNSEL", "NOT_APPLICABLE"],
  COMPLY: ["COMPLIED", "PARTIALLY_COMPLIED", "REFERRED_TO_COUNSEL", "NOT_APPLICABLE"],
  REFER_TO_COUNSEL: ["REFERRED_TO_COUNSEL", "DECLINED", "NOT_APPLICABLE"],
  NOTIFY_COUNSEL_BEFORE_INTERVIEW: [
    "COMPLIED",
    "DECLINED",
    "PARTIALLY_COMPLIED",
    "REFERRED_TO_COUNSEL",
    "NOT_APPLICABLE",
  ],
};

/** A judge's signature is what compels: a judicial document, or any document marked signed by a judge. */
export function hasJudicialWarrant(r: Pick<RequestFacts, "basisDocument" | "basisSignedByJudge">): boolean {
  return r.basisSignedByJudge || JUDICIAL_DOCUMENTS.includes(r.basisDocument);
}

export function conditionHolds(condition: string, r: RequestFacts): boolean {
  switch (condition as RuleCondition) {
    case "ALWAYS":
      return true;
    case "WITHOUT_JUDICIAL_WARRANT":
      return !hasJudicialWarrant(r);
    case "WITH_JUDICIAL_WARRANT":
      return hasJudicialWarrant(r);
    case "CIVIL_IMMIGRATION_ONLY":
      return r.offenceCategory === "CIVIL_IMMIGRATION_ONLY" || r.offenceCategory === "NONE_STATED";
    default:
      return false; // an unknown condition never applies rather than directing something unintended
  }
}

export type AppliedRule = { id: string; title: string; directive: RuleDirective; source: string; citation: string };

export function applicableRules(rules: readonly RuleLike[], r: RequestFacts): AppliedRule[] {
  return rules
    .filter(
      (rule) =>
        rule.active && rule.kinds.includes(r.kind) && conditionHolds(rule.condition, r) && rule.directive in CONSISTENT,
    )
    .map((rule) => ({
      id: rule.id,
      title: rule.title,
      directive: rule.directive as RuleDirective,
      source: rule.source,
      citation: rule.citation,
    }));
}

/** The decisions every applicable rule allows; all decisions when no rule applies. */
export function directedDecisions(applied: readonly AppliedRule[]): RequestDecision[] {
  const all: RequestDecision[] = [
    "COMPLIED",
    "DECLINED",
    "PARTIALLY_COMPLIED",
    "REFERRED_TO_COUNSEL",
    "NOT_APPLICABLE",
  ];
  return all.filter((d) => applied.every((rule) => CONSISTENT[rule.directive].includes(d)));
}

export type Departure = { departs: boolean; rules: AppliedRule[] };

/**
 * Whether a decision departs from the rules: it is not one the applicable rules allow, or it
 * goes ahead with an interview that a rule says needs counsel notified first when counsel was not.
 */
export function departureOf(
  applied: readonly AppliedRule[],
  decision: RequestDecision,
  counselNotified: boolean | null | undefined,
): Departure {
  const broken = applied.filter((rule) => {
    if (!CONSISTENT[rule.directive].includes(decision)) return true;
    return (
      rule.directive === "NOTIFY_COUNSEL_BEFORE_INTERVIEW" &&
      (decision === "COMPLIED" || decision === "PARTIALLY_COMPLIED") &&
      counselNotified !== true
    );
  });
  return { departs: broken.length > 0, rules: broken };
}
