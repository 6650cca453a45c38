// Turns what an emailed link can do (or did, or why it cannot) into the words the /act page shows,
// in the person's language, with times in their agency's zone (zone named).
import type { LinkState } from "@/lib/action-links/inspect-link";
import { messagesFor } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";

export type ActView = {
  tone: "confirm" | "done" | "refused";
  heading: string;
  message: string;
  forPerson: string | null;
  expires: string | null;
  summary: { heading: string; rows: { label: string; value: string }[] } | null;
  button: string | null;
  working: string;
  fullLink: { href: string; label: string } | null;
  signIn: { href: string; label: string };
};

export function actView(o: {
  state: LinkState;
  locale: Locale;
  outcome?: { done: true; at: Date } | null;
  requestId?: string;
}): ActView {
  const { state, locale } = o;
  const t = createTranslator(messagesFor(locale), locale, "actionLinks");
  const zone = state.person?.timeZone ?? "UTC";
  const when = (d: Date) => formatDateTime(d, zone, locale);
  const key = state.link ? `${state.link.action}_${state.link.subjectType}` : null;
  const s = state.summary;
  const params = {
    name: state.person?.name ?? "",
    agency: state.person?.agencyName ?? "",
    fromAgency: s?.type === "NOTICE" ? s.fromAgency : "",
    otherAgency: s?.type === "CONFLICT" ? s.otherAgency : "",
  };
  const fullLink =
    state.fullPath && state.link ? { href: state.fullPath, label: t(`page.fullLink.${state.link.subjectType}`) } : null;
  const common = {
    summary: summaryOf(state, t, when),
    working: t("page.working"),
    fullLink,
    signIn: {
      href: state.fullPath ? `/login?callbackUrl=${encodeURIComponent(state.fullPath)}` : "/login",
      label: t("page.signIn"),
    },
  };
  if (o.outcome?.done && key) {
    return {
      tone: "done",
      heading: t("done.heading"),
      message: t(`done.${key}`, { ...params, at: when(o.outcome.at) }),
      forPerson: null,
      expires: null,
      button: null,
      ...common,
    };
  }
  if (state.refusal || !key || !state.link) {
    const refusal = state.refusal ?? "INVALID";
    const ack = state.acknowledged;
    const message =
      refusal === "ALREADY_ACKNOWLEDGED" && ack
        ? t(ack.name ? "refused.ALREADY_ACKNOWLEDGED" : "refused.ALREADY_ACKNOWLEDGED_NO_NAME", {
            name: ack.name ?? "",
            at: when(ack.at),
          })
        : t(`refused.${refusal === "ALREADY_ACKNOWLEDGED" ? "USED" : refusal}`, { requestId: o.requestId ?? "" });
    // A refused link shows no more than the person's own summary, and only once it is known to be theirs and live.
    const showSummary = refusal === "ALREADY_ACKNOWLEDGED" || refusal === "SUPERSEDED";
    return {
      tone: "refused",
      heading: t("refused.heading"),
      message,
      forPerson: null,
      expires: null,
      button: null,
      ...common,
      summary: showSummary ? common.summary : null,
    };
  }
  return {
    tone: "confirm",
    heading: t(`confirm.${key}.heading`, params),
    message: t(`confirm.${key}.explain`, params),
    forPerson: t("page.forPerson", params),
    expires: t("page.expires", { until: when(state.link.expiresAt) }),
    button: t(`confirm.${key}.button`),
    ...common,
  };
}

function summaryOf(
  state: LinkState,
  t: (k: string, p?: Record<string, string | number>) => string,
  when: (d: Date) => string,
): ActView["summary"] {
  const s = state.summary;
  if (!s) return null;
  const range = (a: Date | null, b: Date | null) =>
    a && b ? t("page.summary.range", { start: when(a), end: when(b) }) : "—";
  const rows =
    s.type === "NOTICE"
      ? [
          { label: t("page.summary.from"), value: s.fromAgency },
          { label: t("page.summary.operation"), value: s.title },
          { label: t("page.summary.when"), value: range(s.startsAt, s.endsAt) },
          { label: t("page.summary.where"), value: s.area },
        ]
      : [
          { label: t("page.summary.otherAgency"), value: s.otherAgency },
          { label: t("page.summary.yourOperation"), value: s.ownTitle },
          { label: t("page.summary.overlap"), value: range(s.startsAt, s.endsAt) },
          { label: t("page.summary.where"), value: s.area },
        ];
  return { heading: t("page.summaryHeading"), rows };
}
