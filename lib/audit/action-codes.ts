// Every action code the audit trail is written with, grouped as the audit log filters them. The
// log reads each as a sentence (messages "auditlog.actions.<code with _ for .>"); a unit test
// finds every code the source writes and fails when one is missing here or has no sentence.
import { AGENCY_AUDIT } from "../agencies/audit-actions";
import { API_AUDIT } from "../api-tokens/audit-actions";
import { AUTH_AUDIT } from "../auth/audit-actions";
import { CONFLICT_AUDIT } from "../conflicts/roles";
import { NOTICE_AUDIT } from "../notices/roles";
import { OPERATION_AUDIT } from "../operations/roles";
import { PUBLIC_RECORD_AUDIT } from "../public-record/roles";
import { REQUEST_AUDIT } from "../requests/roles";
import { USER_AUDIT } from "../users/audit-actions";
import { WEBHOOK_AUDIT } from "../webhooks/audit-actions";

export const AUDIT_EXPORT_ACTION = "audit.export";

/** Written as string literals where they happen (and by the seed), or in modules too heavy to import here. */
const LITERAL = [
  "escalation.step",
  "user.locale.change",
  "calendar.feed.create",
  "calendar.feed.revoke",
  "calendar.feed.refused",
  "operation.dry_run",
  "seed.agency.create",
  "seed.user.create",
  "seed.request.create",
  "seed.request.report.publish",
  "seed.public-record.publish",
  "seed.webhook.create",
  "audit.anchor",
  "actionLink.use",
  "actionLink.refuse",
  "operation.afterAction.file",
  "operation.afterAction.reminder",
  "operation.afterAction.escalation",
  "operation.copy",
  "user.filingDefaults.save",
  AUDIT_EXPORT_ACTION,
] as const;

export const AUDIT_ACTIONS: readonly string[] = [
  ...new Set([
    ...Object.values(AUTH_AUDIT),
    ...Object.values(USER_AUDIT),
    ...Object.values(AGENCY_AUDIT),
    ...Object.values(API_AUDIT),
    ...Object.values(NOTICE_AUDIT),
    ...Object.values(OPERATION_AUDIT),
    ...Object.values(CONFLICT_AUDIT),
    ...Object.values(REQUEST_AUDIT),
    ...Object.values(PUBLIC_RECORD_AUDIT),
    ...Object.values(WEBHOOK_AUDIT),
    ...LITERAL,
  ]),
];

/** The audit log's "action group" filter: each group is the codes starting with one of its prefixes. */
export const AUDIT_GROUPS = {
  signIn: ["auth."],
  people: ["user.", "seed.user."],
  agency: ["agency.", "platform.", "seed.agency."],
  operations: ["operation."],
  notices: ["notice.", "escalation."],
  conflicts: ["conflict."],
  requests: ["request.", "seed.request.", "public-record.", "seed.public-record."],
  api: ["api.", "calendar.", "webhook.", "seed.webhook."],
  links: ["actionLink."],
  audit: ["audit."],
} as const satisfies Record<string, readonly string[]>;

export type AuditGroup = keyof typeof AUDIT_GROUPS;
export const AUDIT_GROUP_NAMES = Object.keys(AUDIT_GROUPS) as AuditGroup[];

/** The message key of a code's sentence ("notice.replies.read" → "actions.notice_replies_read"). */
export function sentenceKey(action: string): string {
  return `actions.${action.replaceAll(".", "_")}`;
}

/** The message key of what the person set out to do, for a refused or failed attempt. */
export function attemptKey(action: string): string {
  return `attempts.${action.replaceAll(".", "_")}`;
}
