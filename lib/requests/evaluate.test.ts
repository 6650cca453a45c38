import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { REQUEST_DECISIONS } from "../validation/request";
import { computeDueAt } from "./due";
import {
  applicableRules,
  departureOf,
  directedDecisions,
  hasJudicialWarrant,
  type RequestFacts,
  type RuleLike,
} from "./evaluate";
import { PRESETS } from "./presets";

const rule = (over: Partial<RuleLike>): RuleLike => ({
  id: "r1",
  title: "Rule",
  kinds: ["DETAINER"],
  condition: "WITHOUT_JUDICIAL_WARRANT",
  directive: "DECLINE",
  source: "STATE_LAW",
  citation: "5 ILCS 805/15",
  active: true,
  ...over,
});
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  kind: "DETAINER",
  basisDocument: "I247A_DETAINER",
  basisSignedByJudge: false,
  offenceCategory: "CIVIL_IMMIGRATION_ONLY",
  ...over,
});

describe("which rules apply and what they direct", () => {
  it("a detainer without a judicial warrant falls under 'detainers only with a judicial warrant', which directs declining", () => {
    const applied = applicableRules([rule({})], facts());
    expect(applied.map((r) => r.directive)).toEqual(["DECLINE"]);
    expect(directedDecisions(applied)).toEqual(["DECLINED", "REFERRED_TO_COUNSEL", "NOT_APPLICABLE"]);
  });

  it("a judge's signature takes the detainer out of that rule", () => {
    expect(hasJudicialWarrant(facts({ basisSignedByJudge: true }))).toBe(true);
    expect(hasJudicialWarrant(facts({ basisDocument: "JUDICIAL_ARREST_WARRANT" }))).toBe(true);
    expect(applicableRules([rule({})], facts({ basisSignedByJudge: true }))).toEqual([]);
  });

  it("inactive rules, other kinds and unknown conditions or directives never apply", () => {
    expect(
      applicableRules(
        [
          rule({ active: false }),
          rule({ kinds: ["CUSTODY_TRANSFER"] }),
          rule({ condition: "SOMETIMES" }),
          rule({ directive: "IGNORE" }),
        ],
        facts(),
      ),
    ).toEqual([]);
  });

  it("complying against a 'decline' rule departs; declining does not", () => {
    const applied = applicableRules([rule({})], facts());
    expect(departureOf(applied, "COMPLIED", null).departs).toBe(true);
    expect(departureOf(applied, "PARTIALLY_COMPLIED", null).departs).toBe(true);
    expect(departureOf(applied, "DECLINED", null).departs).toBe(false);
  });

  it("an interview goes ahead without departing only once counsel was notified", () => {
    const applied = applicableRules(
      [rule({ kinds: ["CUSTODIAL_INTERVIEW"], condition: "ALWAYS", directive: "NOTIFY_COUNSEL_BEFORE_INTERVIEW" })],
      facts({ kind: "CUSTODIAL_INTERVIEW" }),
    );
    expect(departureOf(applied, "COMPLIED", false).departs).toBe(true);
    expect(departureOf(applied, "COMPLIED", true).departs).toBe(false);
    expect(departureOf(applied, "DECLINED", false).departs).toBe(false);
  });

  it("a decision departs exactly when the rules do not direct it (interviews aside)", () => {
    const all = PRESETS.flatMap((p) => p.rules.map((r, i) => rule({ ...r, id: `${p.key}-${i}` }))).filter(
      (r) => r.directive !== "NOTIFY_COUNSEL_BEFORE_INTERVIEW",
    );
    const arb = fc.record({
      rules: fc.subarray(all),
      kind: fc.constantFrom(...all.flatMap((r) => r.kinds)),
      judge: fc.boolean(),
      decision: fc.constantFrom(...REQUEST_DECISIONS),
    });
    fc.assert(
      fc.property(arb, ({ rules, kind, judge, decision }) => {
        const applied = applicableRules(rules, facts({ kind, basisSignedByJudge: judge }));
        expect(departureOf(applied, decision, null).departs).toBe(!directedDecisions(applied).includes(decision));
      }),
    );
  });

  it("the Illinois TRUST Act preset declines a civil detainer and honours a judicial warrant", () => {
    const il = PRESETS.find((p) => p.key === "ilTrustAct")!.rules.map((r) => rule({ ...r, id: r.key }));
    expect(applicableRules(il, facts()).map((r) => r.id)).toEqual(["detainerJudicial"]);
    expect(
      applicableRules(il, facts({ kind: "JUDICIAL_WARRANT", basisDocument: "JUDICIAL_ARREST_WARRANT" })).map(
        (r) => r.directive,
      ),
    ).toEqual(["COMPLY"]);
    expect(applicableRules(il, facts({ kind: "COURTHOUSE_ASSISTANCE" })).map((r) => r.id)).toEqual(["courthouse"]);
  });
});

describe("due times", () => {
  const t = new Date("2027-03-10T14:00:00Z");
  it("a detainer's 48-hour clock runs from receipt, unless a sooner due time was given", () => {
    expect(computeDueAt({ kind: "DETAINER", receivedAt: t })?.toISOString()).toBe("2027-03-12T14:00:00.000Z");
    expect(
      computeDueAt({ kind: "DETAINER", receivedAt: t, dueAt: new Date("2027-03-11T00:00:00Z") })?.toISOString(),
    ).toBe("2027-03-11T00:00:00.000Z");
    expect(
      computeDueAt({ kind: "DETAINER", receivedAt: t, dueAt: new Date("2027-03-20T00:00:00Z") })?.toISOString(),
    ).toBe("2027-03-12T14:00:00.000Z");
    expect(computeDueAt({ kind: "INFORMATION_REQUEST", receivedAt: t })).toBeNull();
  });
});
