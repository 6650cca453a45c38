// Public response shapes of /api/v1/conflicts.
import { z } from "zod";
import { ConflictEventKind, ConflictOutcome, ConflictStatus, NoticeKind, Severity } from "../db/generated/enums";
import { instant, page, uuid, where } from "./common";
import { operation } from "./operations";

const facts = z
  .object({
    severity: z.enum(Severity),
    minDistanceM: z.number().min(0),
    areasIntersect: z.boolean(),
    containment: z.enum(["NONE", "OWN_CONTAINS_OTHER", "OTHER_CONTAINS_OWN"]),
    overlapMinutes: z.number().min(0),
    overlapStart: instant.nullable(),
    overlapEnd: instant.nullable(),
    where,
  })
  .meta({ id: "ConflictFacts", description: "The conflict as the token's agency's side sees it." });

const side = z.enum(["A", "B"]).meta({ description: "Which party the token's agency is." });
const view = z.object({
  outcome: z.enum(ConflictOutcome),
  note: z.string(),
  at: instant,
  byOwnSide: z.boolean(),
  byName: z.string().nullable(),
});

export const conflict = z
  .object({
    id: uuid,
    status: z.enum(ConflictStatus),
    side,
    facts,
    detectedAt: instant,
    updatedAt: instant,
    own: z.object({
      operation,
      acknowledged: z.object({ at: instant, byId: z.string(), byName: z.string().nullable() }).nullable(),
    }),
    counterpart: z.object({
      agency: z.object({ id: uuid, name: z.string(), shortName: z.string(), phone24x7: z.string() }),
      commanderName: z.string(),
      commanderPhone: z.string(),
      commsPlan: z.string(),
      radioChannel: z.string().nullable(),
      talkgroup: z.string().nullable(),
      interopChannel: z.string().nullable(),
      acknowledged: z.object({ at: instant, byName: z.string().nullable() }).nullable(),
    }),
    outcome: view.nullable().meta({ description: "How it was settled, once both sides agree." }),
    proposal: view.nullable().meta({ description: "An outcome one side proposed, awaiting the other side." }),
    closed: z.object({ at: instant, reason: z.string() }).nullable(),
    history: z.array(
      z.object({
        id: uuid,
        kind: z.enum(ConflictEventKind),
        byOwnSide: z.boolean(),
        agencyName: z.string(),
        byName: z.string(),
        outcome: z.enum(ConflictOutcome).nullable(),
        note: z.string().nullable(),
        at: instant,
      }),
    ),
    notices: z.array(
      z.object({
        id: uuid,
        ref: z.string(),
        kind: z.enum(NoticeKind),
        direction: z.enum(["SENT", "RECEIVED"]),
        current: z.boolean(),
        requiresAck: z.boolean(),
        acknowledgedAt: instant.nullable(),
        acknowledgedByName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Conflict", description: "One conflict as the token's agency's side sees it (need to know)." });

export const conflictSummary = z
  .object({
    id: uuid,
    status: z.enum(ConflictStatus),
    side,
    facts,
    detectedAt: instant,
    ownOperation: z.object({ id: uuid, ref: z.string(), title: z.string(), startsAt: instant, endsAt: instant }),
    counterpartAgency: z.object({ id: uuid, name: z.string(), shortName: z.string() }),
    acknowledgedByOwnSide: z.boolean(),
    acknowledgedByCounterpart: z.boolean(),
    outcome: z.string().nullable(),
    awaiting: z
      .enum(["OWN", "OTHER"])
      .nullable()
      .meta({ description: "A proposal waits for this side (OWN) or the other (OTHER)." }),
  })
  .meta({ id: "ConflictSummary" });

export const conflictPage = page(conflictSummary).meta({ id: "ConflictPage" });
