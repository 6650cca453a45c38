// Renders an email from the `mail` message namespace in every language the recipient reads,
// one section per language, with times in the recipient agency's zone (zone named).
import { messagesFor } from "../i18n/catalog";
import { formatDateTime } from "../i18n/format";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { createTranslator } from "../i18n/translate";

export const MAIL_TEMPLATES = [
  "notice",
  "noticeUpdate",
  "noticeCancel",
  "noticeExigent",
  "assistanceRequest",
  "reply",
  "conflict",
  "conflictFound",
  "conflictAcknowledged",
  "conflictProposed",
  "conflictConfirmed",
  "conflictContested",
  "conflictReopened",
  "escalation",
  "test",
  "passwordChanged",
  "mfaReset",
  "auditAnchor",
  "afterActionReminder",
  "afterActionOverdue",
  "webhookDisabled",
] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];
export type MailParams = Record<string, string | number | Date>;

export type RenderedMail = { subject: string; text: string; locales: Locale[] };

/** A one-time link the email offers (lib/action-links/issue-links.ts). */
export type MailActionLink = { action: string; subjectType: string; url: string; expiresAt: Date };

export function renderMail(input: {
  template: MailTemplate;
  params: MailParams;
  locales: Locale[];
  timeZone: string;
  recipientName?: string | null;
  actionLinks?: MailActionLink[];
}): RenderedMail {
  const locales = [...new Set(input.locales.length ? input.locales : [DEFAULT_LOCALE])];
  const sections = locales.map((locale) => {
    const t = createTranslator(messagesFor(locale), locale, "mail");
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(input.params))
      params[k] = v instanceof Date ? formatDateTime(v, input.timeZone, locale) : v;
    if (typeof input.params.level === "string") params.level = t(`levels.${input.params.level}`);
    if (typeof input.params.outcome === "string") params.outcome = t(`conflictOutcomes.${input.params.outcome}`);
    const greeting = input.recipientName ? t("greeting", { name: input.recipientName }) : t("greetingGeneric");
    return {
      subject: t(`templates.${input.template}.subject`, params),
      text: [
        greeting,
        "",
        t(`templates.${input.template}.body`, params),
        "",
        ...actionLinkLines(input.actionLinks, locale, input.timeZone),
        t("footer"),
      ].join("\n"),
      heading: t("languageHeading"),
    };
  });
  const subjects = [...new Set(sections.map((s) => s.subject))];
  const text =
    sections.length === 1 ? sections[0].text : sections.map((s) => `=== ${s.heading} ===\n\n${s.text}`).join("\n\n");
  return { subject: subjects.join(" / "), text: `${text}\n`, locales };
}

/** The "act from this message" block: one line per link, in the section's language, then a blank line. */
function actionLinkLines(links: MailActionLink[] | undefined, locale: Locale, timeZone: string): string[] {
  if (!links?.length) return [];
  const t = createTranslator(messagesFor(locale), locale, "actionLinks");
  const until = new Date(Math.min(...links.map((l) => l.expiresAt.getTime())));
  return [
    t("mail.heading", { until: formatDateTime(until, timeZone, locale) }),
    ...links.map((l) => `${t(`mail.labels.${l.action}_${l.subjectType}`)}:\n${l.url}`),
    "",
  ];
}
