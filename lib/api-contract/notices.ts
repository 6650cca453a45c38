// Public response shapes of /api/v1/notices.
import { z } from "zod";
import { AgencyLevel, EscalationLevel, NoticeKind } from "../db/generated/enums";
import { area, instant, uuid } from "./common";

const noticeSummaryFields = {
  id: uuid,
  ref: z.string(),
  kind: z.enum(NoticeKind),
  threadId: uuid,
  operationId: uuid,
  operationRef: z.string(),
  title: z.string().nullable(),
  operationStatus: z.string().nullable(),
  senderAgencyName: z.string(),
  recipientAgencyId: uuid,
  reasons: z.array(z.string()).meta({ description: "Why the recipient was notified." }),
  sentAt: instant,
  startsAt: instant,
  endsAt: instant,
  leadMinutes: z.number().meta({ description: "Minutes between sending and the operation's start." }),
  requiredLeadHours: z.number(),
  late: z.boolean(),
  exigent: z.boolean(),
  requiresAck: z.boolean(),
  readAt: instant.nullable(),
  acknowledgedAt: instant.nullable(),
  acknowledgedByName: z.string().nullable(),
  assistanceKinds: z.array(z.string()),
  assistanceDecision: z.string().nullable(),
  needsAction: z.boolean(),
  replyUnread: z.boolean(),
};

const cursor = z.string().nullable();
export const noticeSummary = z.object(noticeSummaryFields).meta({ id: "NoticeSummary" });

export const inboxPage = z
  .object({ notices: z.array(noticeSummary), next: cursor, prev: cursor })
  .meta({ id: "InboxPage", description: "box=inbox: current notices to the token's agency, newest first." });

const sentNotice = z
  .object({
    ...noticeSummaryFields,
    recipientAgencyName: z.string(),
    replies: z.number().int().min(0),
    latestReply: z.object({ authorName: z.string(), kind: z.string(), body: z.string(), at: instant }).nullable(),
    escalations: z.number().int().min(0),
    latestEscalation: z
      .object({ level: z.enum(EscalationLevel), contactName: z.string().nullable(), at: instant })
      .nullable(),
  })
  .meta({ id: "SentNotice" });

export const sentPage = z
  .object({
    operations: z.array(
      z.object({
        operationId: uuid,
        operationRef: z.string(),
        title: z.string().nullable(),
        startsAt: instant,
        endsAt: instant,
        exigent: z.boolean(),
        acknowledged: z.number().int().min(0),
        awaiting: z.number().int().min(0),
        recipients: z.array(sentNotice),
      }),
    ),
    next: cursor,
    prev: cursor,
  })
  .meta({ id: "SentPage", description: "box=sent: the agency's current notices, grouped per operation." });

/** Instants inside the stored content are already strings. */
const contentInstant = z.string().meta({ format: "date-time" });

export const noticeContent = z
  .object({
    scope: z.enum(["FULL", "CONFLICT"]),
    sender: z.object({ name: z.string(), shortName: z.string(), slug: z.string(), phone24x7: z.string() }),
    operationRef: z.string(),
    status: z.string().optional(),
    startsAt: contentInstant,
    endsAt: contentInstant,
    contact: z.object({
      leadAgencyName: z.string().nullable(),
      commanderName: z.string(),
      commanderPhone: z.string(),
    }),
    operation: z
      .object({
        type: z.string(),
        title: z.string(),
        commsPlan: z.string(),
        radioChannel: z.string().nullable(),
        talkgroup: z.string().nullable(),
        interopChannel: z.string().nullable(),
        riskFlags: z.array(z.string()),
      })
      .nullable(),
    area: z.object({ precision: z.enum(["EXACT", "GENERALIZED"]), area }).nullable(),
    impact: z
      .object({ roadClosures: z.string().nullable(), schools: z.string().nullable(), crowding: z.string().nullable() })
      .nullable(),
    pio: z
      .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
      .nullable(),
    publicStatement: z.object({ en: z.string(), es: z.string() }).nullable(),
    exigent: z
      .object({
        reason: z.string().nullable(),
        text: z.string().nullable(),
        signOff: z.string().nullable(),
        signedOffAt: contentInstant.nullable(),
      })
      .nullable(),
    conflicts: z.array(
      z.object({
        severity: z.string(),
        overlapStart: contentInstant.nullable(),
        overlapEnd: contentInstant.nullable(),
        where: z.object({ lon: z.number(), lat: z.number() }).nullable(),
        yourOperationRef: z.string().nullable(),
      }),
    ),
    assistance: z.object({ kinds: z.array(z.string()), note: z.string().nullable() }).nullable(),
  })
  .meta({
    id: "NoticeContent",
    description:
      "What the notice told its recipient, as sent. A conflict-only recipient (scope CONFLICT) gets no operation details.",
  });

const hostNotice = z.object({
  id: uuid,
  ref: z.string(),
  senderName: z.string(),
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
});

export const notice = z
  .object({
    id: uuid,
    ref: z.string(),
    kind: z.enum(NoticeKind),
    side: z.enum(["SENDER", "RECIPIENT"]),
    threadId: uuid,
    operationId: uuid,
    sender: z.object({ id: uuid, name: z.string() }),
    recipient: z.object({ id: uuid, name: z.string(), phone24x7: z.string() }),
    reasons: z.array(z.string()),
    sentAt: instant,
    sentByLabel: z.string().nullable(),
    startsAt: instant,
    endsAt: instant,
    content: noticeContent,
    leadMinutes: z.number(),
    requiredLeadHours: z.number(),
    late: z.boolean(),
    exigent: z.boolean(),
    requiresAck: z.boolean(),
    superseded: z.boolean(),
    readAt: instant.nullable(),
    acknowledgedAt: instant.nullable(),
    acknowledgedByName: z.string().nullable(),
    assistanceKinds: z.array(z.string()),
    assistanceDecision: z.string().nullable(),
    assistanceReason: z.string().nullable(),
    assistanceDecidedAt: instant.nullable(),
    thread: z.array(
      z.object({
        id: uuid,
        kind: z.string(),
        body: z.string(),
        authorName: z.string(),
        authorAgencyName: z.string(),
        side: z.enum(["SENDER", "RECIPIENT"]),
        createdAt: instant,
      }),
    ),
    notices: z.array(
      z.object({
        id: uuid,
        ref: z.string(),
        kind: z.enum(NoticeKind),
        sentAt: instant,
        current: z.boolean(),
        assistanceKinds: z.array(z.string()),
        assistanceDecision: z.string().nullable(),
      }),
    ),
    escalations: z.array(
      z.object({
        id: uuid,
        noticeId: uuid,
        step: z.number().int(),
        level: z.string(),
        contactName: z.string().nullable(),
        contactPhone: z.string().nullable(),
        firedAt: instant,
      }),
    ),
    deliveries: z.array(
      z.object({
        channel: z.string(),
        target: z.string(),
        outcome: z.string(),
        at: instant,
        attempt: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
    conflict: z.object({ id: uuid, status: z.string(), awaitsOwnAck: z.boolean() }).nullable(),
    ownOperations: z.array(z.object({ id: uuid, ref: z.string(), title: z.string() })),
    collisions: z.array(z.object({ conflictId: uuid, other: hostNotice })),
  })
  .meta({ id: "Notice", description: "One notice, its thread, escalation and delivery; for its two agencies only." });

export const recipientPreview = z
  .object({
    recipients: z.array(
      z.object({
        agencyId: uuid,
        name: z.string(),
        level: z.string().meta({ description: `The agency's level: ${Object.keys(AgencyLevel).join(", ")}.` }),
        reasons: z.array(z.string()),
        requiredLeadHours: z.number(),
        late: z.boolean(),
      }),
    ),
    leadMinutes: z.number(),
    exigentRequired: z.boolean(),
  })
  .meta({ id: "RecipientPreview" });

export const acknowledgeNoticeResult = z.object({ acknowledgedAt: instant }).meta({ id: "NoticeAcknowledged" });
export const replyResult = z.object({ messageId: uuid }).meta({ id: "ReplyCreated" });
export const assistanceDecisionResult = z
  .object({ decision: z.string().meta({ description: "ACCEPTED or DECLINED." }) })
  .meta({ id: "AssistanceDecided" });
export const assistanceRequestResult = z
  .object({
    id: uuid,
    ref: z.string(),
    threadId: uuid,
    recipientAgencyId: uuid,
    kind: z.enum(NoticeKind),
    late: z.boolean(),
  })
  .meta({ id: "AssistanceRequested", description: "The ASSISTANCE_REQUEST notice sent." });
