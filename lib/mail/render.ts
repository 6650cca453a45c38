// Renders an email from the `mail` message namespace in every language the recipient reads,
// one section per language, with times in the recipient agency's zone (zone named).
import { messagesFor } from "../i18n/catalog";
import { formatDateTime } from "../i18n/format";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { createTranslator } from "../i18n/translate";

export const MAIL_TEMPLATES = ["notice", "noticeUpdate", "noticeCancel", "noticeExigent", "assistanceRequest", "reply", "conflict", "escalation", "test", "passwordChanged", "mfaReset", "auditAnchor", "afterActionReminder", "afterActionOverdue"] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];
export type MailParams = Record<string, string | number | Date>;

export type RenderedMail = { subject: string; text: string; locales: Locale[] };

export function renderMail(input: { template: MailTemplate; params: MailParams; locales: Locale[]; timeZone: string; recipientName?: string | null }): RenderedMail {
  const locales = [...new Set(input.locales.length ? input.locales : [DEFAULT_LOCALE])];
  const sections = locales.map((locale) => {
    const t = createTranslator(messagesFor(locale), locale, "mail");
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(input.params)) params[k] = v instanceof Date ? formatDateTime(v, input.timeZone, locale) : v;
    if (typeof input.params.level === "string") params.level = t(`levels.${input.params.level}`);
    const greeting = input.recipientName ? t("greeting", { name: input.recipientName }) : t("greetingGeneric");
    return {
      subject: t(`templates.${input.template}.subject`, params),
      text: [greeting, "", t(`templates.${input.template}.body`, params), "", t("footer")].join("\n"),
      heading: t("languageHeading"),
    };
  });
  const subjects = [...new Set(sections.map((s) => s.subject))];
  const text =
    sections.length === 1 ? sections[0].text : sections.map((s) => `=== ${s.heading} ===\n\n${s.text}`).join("\n\n");
  return { subject: subjects.join(" / "), text: `${text}\n`, locales };
}
