// Public response shapes of /api/v1/requests and /api/v1/reports.
import { z } from "zod";
import {
  EscalationLevel,
  FederalRequestKind,
  LegalBasisDocument,
  OffenceCategory,
  RequestChannel,
  RequestDecision,
} from "../db/generated/enums";
import { RULE_DIRECTIVES } from "../validation/request";
import { instant, uuid } from "./common";

export const federalRequest = z
  .object({
    id: uuid,
    ref: z.string(),
    side: z.enum(["AGENCY", "REQUESTER"]).meta({
      description: "AGENCY: the token's agency received it; REQUESTER: its federal office submitted it.",
    }),
    agencyId: uuid,
    agencyName: z.string(),
    requesterAgencyId: uuid.nullable(),
    requesterName: z.string(),
    kind: z.enum(FederalRequestKind),
    channel: z.enum(RequestChannel),
    receivedAt: instant,
    dueAt: instant.nullable(),
    basisDocument: z.enum(LegalBasisDocument),
    basisSignedByJudge: z.boolean(),
    basisCourt: z.string().nullable(),
    offenceCategory: z.enum(OffenceCategory),
    decision: z.enum(RequestDecision).nullable(),
    decidedAt: instant.nullable(),
    decidedByName: z.string().nullable(),
    decisionRule: z.object({ id: uuid, title: z.string(), citation: z.string() }).nullable(),
    decisionBasis: z.string().nullable(),
    decisionReason: z.string().nullable(),
    counselNotified: z.boolean().nullable(),
    counselNotifiedAt: instant.nullable(),
    departure: z
      .boolean()
      .optional()
      .meta({ description: "Receiving agency only: the decision departed from its rules." }),
    departureJustification: z.string().nullable().optional(),
    loggedBy: z.string().optional().meta({ description: "Receiving agency only: who logged it." }),
  })
  .meta({
    id: "FederalRequest",
    description: "A federal request. The agency's local reference (a booking number) never leaves its own pages.",
  });

export const appliedRule = z
  .object({ id: uuid, title: z.string(), directive: z.enum(RULE_DIRECTIVES), source: z.string(), citation: z.string() })
  .meta({ id: "AppliedRule" });

export const requestList = z
  .object({ requests: z.array(federalRequest.extend({ rules: z.array(appliedRule).optional() })) })
  .meta({ id: "RequestList", description: "box=queue items also carry the rules that apply." });

export const requestDetail = z
  .object({
    request: federalRequest,
    rules: z.array(appliedRule),
    directed: z.array(z.string()).meta({ description: "Decisions the agency's rules direct." }),
    escalation: z.array(
      z.object({
        id: uuid,
        step: z.number().int(),
        level: z.enum(EscalationLevel),
        recipientAgencyId: uuid,
        originAgencyId: uuid.nullable(),
        contactName: z.string().nullable(),
        contactPhone: z.string().nullable(),
        firedAt: instant,
      }),
    ),
  })
  .meta({ id: "RequestDetail" });

export const requestEdited = z
  .object({ changed: z.array(z.string()).meta({ description: "The fields that changed." }), request: federalRequest })
  .meta({ id: "RequestEdited" });

export const requestCreated = z
  .object({ id: uuid, ref: z.string(), dueAt: instant.nullable() })
  .meta({ id: "RequestCreated" });

export const requestDecided = z
  .object({ decision: z.enum(RequestDecision), departure: z.boolean(), decidedAt: instant })
  .meta({ id: "RequestDecided" });
