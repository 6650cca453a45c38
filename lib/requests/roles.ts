// Who may do what with federal requests. Every role of the receiving agency reads its log; the
// people who answer for the agency log requests; only command (chiefs, and those a chief
// designates) decides; auditors oversee; admins keep the rules. A federal office's liaisons,
// supervisors and chiefs submit requests to member agencies and read the decisions.
import type { Role } from "../db/generated/enums";

export const REQUEST_READING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF", "AUDITOR", "AGENCY_ADMIN"];
export const REQUEST_LOGGING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF"];
export const REQUEST_SUBMITTING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF"];
export const REQUEST_RULE_ROLES: Role[] = ["AGENCY_ADMIN"];
export const REQUEST_OVERSIGHT_ROLES: Role[] = ["AUDITOR", "CHIEF"];
/** The roles a chief may designate to decide; a chief always may. */
export const DESIGNABLE_ROLES: Role[] = ["SUPERVISOR", "LIAISON"];

export const REQUEST_AUDIT = {
  log: "request.log",
  submit: "request.submit",
  edit: "request.edit",
  decide: "request.decide",
  read: "request.read",
  export: "request.export",
  ruleCreate: "request.rule.create",
  ruleUpdate: "request.rule.update",
  ruleRetire: "request.rule.retire",
  ruleRestore: "request.rule.restore",
  presetAdopt: "request.rule.preset",
  designate: "request.command.designate",
  revoke: "request.command.revoke",
  reportPublish: "request.report.publish",
} as const;

export const REQUEST_SUBJECT = "FEDERAL_REQUEST";
