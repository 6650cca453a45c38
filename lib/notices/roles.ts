// Who may do what with notices. Every role of a party agency reads its notices; the people who
// answer for the agency (liaisons, supervisors, chiefs) acknowledge, reply and decide.
import type { Role } from "../db/generated/enums";

export const NOTICE_READING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF", "AUDITOR", "AGENCY_ADMIN"];
export const NOTICE_ACTING_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF"];
/** The people of a recipient agency who are emailed each notice (besides its watch desk address). */
export const NOTICE_EMAIL_ROLES: Role[] = ["CHIEF", "LIAISON"];

export const NOTICE_AUDIT = {
  send: "notice.send",
  read: "notice.read",
  /** Someone of the sending agency opened a notice with replies they had not seen. */
  readReplies: "notice.replies.read",
  acknowledge: "notice.acknowledge",
  reply: "notice.reply",
  requestAssistance: "notice.assistance.request",
  decideAssistance: "notice.assistance.decide",
} as const;

export const NOTICE_SUBJECT = "NOTICE";
