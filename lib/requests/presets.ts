// Rule presets for common legal frameworks. An admin adopts one (its rules are copied into the
// agency's policy, titled in the admin's language) and edits them from there. Citations are the
// statutes' own; titles are message keys in the "requests" namespace.
import type { FederalRequestKind, RequestRuleSource } from "../db/generated/enums";
import type { RuleCondition, RuleDirective } from "../validation/request";

export type PresetRule = {
  key: string;
  kinds: FederalRequestKind[];
  condition: RuleCondition;
  directive: RuleDirective;
  source: RequestRuleSource;
  citation: string;
};
export type Preset = { key: string; rules: PresetRule[] };

const IL = "5 ILCS 805 (Illinois TRUST Act)";
const CA = "Cal. Gov. Code §§ 7282–7284.12 (SB 54, California Values Act)";
const INA = "8 U.S.C. § 1357(g) (INA § 287(g)) jail enforcement agreement";

export const PRESETS: Preset[] = [
  {
    key: "ilTrustAct",
    rules: [
      {
        key: "detainerJudicial",
        kinds: ["DETAINER"],
        condition: "WITHOUT_JUDICIAL_WARRANT",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: `${IL}, § 15(a)`,
      },
      {
        key: "adminWarrant",
        kinds: ["ADMINISTRATIVE_WARRANT", "CUSTODY_TRANSFER"],
        condition: "WITHOUT_JUDICIAL_WARRANT",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: `${IL}, § 15(a)`,
      },
      {
        key: "releaseDates",
        kinds: ["RELEASE_NOTIFICATION", "INFORMATION_REQUEST"],
        condition: "WITHOUT_JUDICIAL_WARRANT",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: `${IL}, § 15(b)`,
      },
      {
        key: "interviewCounsel",
        kinds: ["CUSTODIAL_INTERVIEW"],
        condition: "ALWAYS",
        directive: "NOTIFY_COUNSEL_BEFORE_INTERVIEW",
        source: "STATE_LAW",
        citation: `${IL}, § 15(f)`,
      },
      {
        key: "courthouse",
        kinds: ["COURTHOUSE_ASSISTANCE"],
        condition: "WITHOUT_JUDICIAL_WARRANT",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: "735 ILCS 5/2-1401.1 (Courthouse Civil Arrest Protection)",
      },
      {
        key: "judicialComplies",
        kinds: ["JUDICIAL_WARRANT"],
        condition: "WITH_JUDICIAL_WARRANT",
        directive: "COMPLY",
        source: "STATE_LAW",
        citation: `${IL}, § 15`,
      },
    ],
  },
  {
    key: "caSb54",
    rules: [
      {
        key: "detainerJudicial",
        kinds: ["DETAINER"],
        condition: "WITHOUT_JUDICIAL_WARRANT",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: `${CA}, § 7284.6(a)(1)(A)`,
      },
      {
        key: "releaseDates",
        kinds: ["RELEASE_NOTIFICATION"],
        condition: "CIVIL_IMMIGRATION_ONLY",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: `${CA}, § 7284.6(a)(1)(C)`,
      },
      {
        key: "adminWarrant",
        kinds: ["ADMINISTRATIVE_WARRANT", "CUSTODY_TRANSFER"],
        condition: "WITHOUT_JUDICIAL_WARRANT",
        directive: "REFER_TO_COUNSEL",
        source: "STATE_LAW",
        citation: `${CA}, § 7284.6(a)(4)`,
      },
      {
        key: "interviewCounsel",
        kinds: ["CUSTODIAL_INTERVIEW"],
        condition: "ALWAYS",
        directive: "NOTIFY_COUNSEL_BEFORE_INTERVIEW",
        source: "STATE_LAW",
        citation: "Cal. Gov. Code § 7283.1(a) (TRUTH Act)",
      },
      {
        key: "operational",
        kinds: ["OPERATIONAL_ASSISTANCE"],
        condition: "CIVIL_IMMIGRATION_ONLY",
        directive: "DECLINE",
        source: "STATE_LAW",
        citation: `${CA}, § 7284.6(a)(1)`,
      },
      {
        key: "judicialComplies",
        kinds: ["JUDICIAL_WARRANT"],
        condition: "WITH_JUDICIAL_WARRANT",
        directive: "COMPLY",
        source: "STATE_LAW",
        citation: `${CA}, § 7284.6(a)(1)(A)`,
      },
    ],
  },
  {
    key: "jail287g",
    rules: [
      {
        key: "detainerHonoured",
        kinds: ["DETAINER"],
        condition: "ALWAYS",
        directive: "COMPLY",
        source: "AGENCY_POLICY",
        citation: `${INA}, memorandum of agreement`,
      },
      {
        key: "transferHonoured",
        kinds: ["CUSTODY_TRANSFER", "ADMINISTRATIVE_WARRANT"],
        condition: "ALWAYS",
        directive: "COMPLY",
        source: "AGENCY_POLICY",
        citation: `${INA}, memorandum of agreement`,
      },
      {
        key: "courthouse",
        kinds: ["COURTHOUSE_ASSISTANCE", "OPERATIONAL_ASSISTANCE"],
        condition: "ALWAYS",
        directive: "REFER_TO_COUNSEL",
        source: "AGENCY_POLICY",
        citation: `${INA}: jail model only, no field enforcement`,
      },
      {
        key: "judicialComplies",
        kinds: ["JUDICIAL_WARRANT"],
        condition: "WITH_JUDICIAL_WARRANT",
        directive: "COMPLY",
        source: "AGENCY_POLICY",
        citation: "U.S. Const. art. VI; judicial warrant",
      },
    ],
  },
];

export function presetByKey(key: string): Preset | undefined {
  return PRESETS.find((p) => p.key === key);
}

/** The message key of a preset rule's title. */
export const presetRuleTitleKey = (preset: string, rule: string) => `presets.${preset}.${rule}`;
