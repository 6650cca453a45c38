// A notice as an OASIS CAP 1.2 message, for other agencies' systems: Alert for a first notice,
// Update and Cancel referencing the thread's earlier messages, and Ack for the recipient's
// acknowledgment. Private scope, addressed to the agency it is for; one info per language the
// recipient reads; the area exactly as the notice gives it (never more precise).
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { buildCapAlert, type CapInfo, type CapMsgType, type CapReference, type CapUrgency } from "../cap/build-alert";
import type { CapGeometry } from "../cap/area";
import type { Area } from "../deconfliction/types";
import { ConflictError } from "../errors";
import { messagesFor } from "../i18n/catalog";
import { formatDateTime } from "../i18n/format";
import { isLocale, type Locale } from "../i18n/locales";
import { createTranslator, type Translate } from "../i18n/translate";
import { findNoticeForActor } from "./access";
import { noticeLink, publicBaseUrl } from "./contacts";
import { noticeContent, type NoticeContent } from "./content";
import { leadHours } from "./lead-time";

const LANGUAGE_TAG: Record<Locale, string> = { en: "en-US", es: "es-US" };

/** CAP's sender: the agency at this installation's host name (no spaces or commas, as CAP requires). */
function senderId(slug: string): string {
  return `${slug}@${new URL(publicBaseUrl()).hostname}`;
}

function capGeometry(area: Area): CapGeometry {
  return area.kind === "CIRCLE"
    ? { kind: "CIRCLE", centerLat: area.center[1], centerLon: area.center[0], radiusM: area.radiusM }
    : { kind: "POLYGON", geometry: area.geometry as Extract<CapGeometry, { kind: "POLYGON" }>["geometry"] };
}

export async function noticeCap(args: {
  db: Db;
  actor: Actor;
  noticeId: string;
  ack?: boolean;
}): Promise<{ xml: string; filename: string }> {
  const { db, actor } = args;
  const n = await findNoticeForActor(db, actor, args.noticeId, {
    id: true,
    ref: true,
    kind: true,
    threadId: true,
    senderAgencyId: true,
    recipientAgencyId: true,
    sentAt: true,
    startsAt: true,
    endsAt: true,
    content: true,
    leadMinutes: true,
    requiredLeadHours: true,
    late: true,
    exigent: true,
    acknowledgedAt: true,
    acknowledgedByName: true,
  });
  const [sender, recipient] = await Promise.all([
    db.agency.findUniqueOrThrow({ where: { id: n.senderAgencyId }, select: { slug: true, name: true } }),
    db.agency.findUniqueOrThrow({
      where: { id: n.recipientAgencyId },
      select: { slug: true, name: true, languages: true, timeZone: true },
    }),
  ]);
  const original: CapReference = { sender: senderId(sender.slug), identifier: n.ref, sent: n.sentAt };
  if (args.ack) {
    if (!n.acknowledgedAt) throw new ConflictError("notices.errors.notAcknowledged");
    const t = createTranslator(messagesFor("en"), "en", "notices");
    const xml = buildCapAlert({
      identifier: `${n.ref}-ACK`,
      sender: senderId(recipient.slug),
      sent: n.acknowledgedAt,
      msgType: "Ack",
      scope: { kind: "Private", addresses: [sender.slug] },
      source: "Common Ground",
      note: t("cap.ackNote", {
        agency: recipient.name,
        name: n.acknowledgedByName ?? "",
        at: n.acknowledgedAt.toISOString(),
      }),
      references: [original],
      infos: [],
    });
    return { xml, filename: `${n.ref}-ack.xml` };
  }

  const earlier = await db.notice.findMany({
    where: {
      threadId: n.threadId,
      senderAgencyId: n.senderAgencyId,
      recipientAgencyId: n.recipientAgencyId,
      sentAt: { lt: n.sentAt },
      kind: { not: "ASSISTANCE_REQUEST" },
    },
    orderBy: { sentAt: "asc" },
    select: { ref: true, sentAt: true },
  });
  const msgType: CapMsgType =
    n.kind === "CANCELLATION" && earlier.length ? "Cancel" : n.kind === "UPDATE" && earlier.length ? "Update" : "Alert";
  const content = noticeContent(n.content);
  const locales = [...new Set(["en", ...recipient.languages].filter(isLocale))] as Locale[];
  const infos = locales.map((locale) => capInfo(locale, { n, content, msgType, timeZone: recipient.timeZone }));
  const geometry = content.area
    ? capGeometry(content.area.area)
    : content.conflicts[0]?.where
      ? capGeometry({
          kind: "CIRCLE",
          center: [content.conflicts[0].where.lon, content.conflicts[0].where.lat],
          radiusM: 200,
        })
      : undefined;
  const xml = buildCapAlert({
    identifier: n.ref,
    sender: original.sender,
    sent: n.sentAt,
    msgType,
    scope: { kind: "Private", addresses: [recipient.slug] },
    source: "Common Ground",
    references:
      msgType === "Alert"
        ? undefined
        : earlier.map((e) => ({ sender: original.sender, identifier: e.ref, sent: e.sentAt })),
    incidents: [content.operationRef],
    geometry,
    infos,
  });
  return { xml, filename: `${n.ref}.xml` };
}

type InfoSource = {
  n: {
    id: string;
    kind: string;
    sentAt: Date;
    startsAt: Date;
    endsAt: Date;
    leadMinutes: number;
    requiredLeadHours: number;
    late: boolean;
    exigent: boolean;
  };
  content: NoticeContent;
  msgType: CapMsgType;
  timeZone: string;
};

function capInfo(locale: Locale, s: InfoSource): CapInfo {
  const t = createTranslator(messagesFor(locale), locale, "notices");
  const all = createTranslator(messagesFor(locale), locale);
  const { n, content } = s;
  const urgency: CapUrgency =
    n.leadMinutes <= 0 || n.exigent ? "Immediate" : n.leadMinutes < 60 ? "Expected" : "Future";
  const title = content.operation?.title ?? content.operationRef;
  return {
    language: LANGUAGE_TAG[locale],
    event: t(`kinds.${n.kind}`),
    responseType: [s.msgType === "Cancel" ? "AllClear" : "Monitor"],
    urgency,
    severity: "Moderate",
    certainty: n.exigent ? "Observed" : "Likely",
    effective: n.sentAt,
    onset: n.startsAt,
    expires: n.endsAt,
    senderName: content.sender.name,
    headline: `${t(`kinds.${n.kind}`)}: ${title}`.slice(0, 160),
    description: describe(t, all, s, locale),
    instruction: t("cap.instruction", { name: content.contact.commanderName, phone: content.contact.commanderPhone }),
    web: noticeLink(n.id),
    contact: `${content.contact.commanderName}, ${content.contact.commanderPhone}`,
    parameters: [
      { valueName: "operationRef", value: content.operationRef },
      { valueName: "noticeKind", value: n.kind },
      { valueName: "leadTimeHours", value: String(leadHours(n.leadMinutes)) },
      { valueName: "requiredLeadTimeHours", value: String(n.requiredLeadHours) },
      { valueName: "late", value: String(n.late) },
      { valueName: "exigent", value: String(n.exigent) },
      ...(content.area ? [{ valueName: "areaPrecision", value: content.area.precision }] : []),
    ],
    areaDesc: content.area ? t(`cap.area.${content.area.precision}`) : t("cap.area.CONFLICT"),
  };
}

function describe(t: Translate, all: Translate, s: InfoSource, locale: Locale): string {
  const { content, n } = s;
  const when = (iso: string | Date) => formatDateTime(iso, s.timeZone, locale);
  const lines = [
    t("cap.lines.from", { agency: content.sender.name, phone: content.sender.phone24x7 }),
    t("cap.lines.when", { start: when(n.startsAt), end: when(n.endsAt) }),
    t("cap.lines.lead", { given: leadHours(n.leadMinutes), required: n.requiredLeadHours }),
    content.contact.leadAgencyName
      ? t("cap.lines.command", {
          lead: content.contact.leadAgencyName,
          name: content.contact.commanderName,
          phone: content.contact.commanderPhone,
        })
      : t("cap.lines.commander", { name: content.contact.commanderName, phone: content.contact.commanderPhone }),
  ];
  if (content.operation) {
    lines.push(t("cap.lines.type", { type: all(`operations.types.${content.operation.type}`) }));
    lines.push(t("cap.lines.comms", { plan: content.operation.commsPlan }));
  }
  if (content.impact?.roadClosures) lines.push(t("cap.lines.roads", { text: content.impact.roadClosures }));
  if (content.impact?.schools) lines.push(t("cap.lines.schools", { text: content.impact.schools }));
  if (content.impact?.crowding) lines.push(t("cap.lines.crowding", { text: content.impact.crowding }));
  if (content.pio)
    lines.push(
      t("cap.lines.pio", {
        name: content.pio.name ?? "—",
        phone: content.pio.phone ?? "—",
        email: content.pio.email ?? "—",
      }),
    );
  if (content.scope === "FULL")
    lines.push(
      content.publicStatement
        ? t("cap.lines.statement", { text: content.publicStatement[locale] })
        : t("detail.noStatement"),
    );
  if (content.exigent && content.scope === "CONFLICT") lines.push(t("cap.lines.exigentOnly"));
  else if (content.exigent)
    lines.push(
      t("cap.lines.exigent", {
        reason: content.exigent.reason ? t(`exigentReasons.${content.exigent.reason}`) : "—",
        signOff: content.exigent.signOff ?? "—",
      }),
    );
  for (const c of content.conflicts)
    lines.push(
      t("cap.lines.conflict", {
        start: c.overlapStart ? when(c.overlapStart) : "—",
        end: c.overlapEnd ? when(c.overlapEnd) : "—",
      }),
    );
  if (content.assistance)
    lines.push(
      t("cap.lines.assistance", { kinds: content.assistance.kinds.map((k) => t(`assistanceKinds.${k}`)).join(", ") }),
    );
  return lines.join("\n");
}
