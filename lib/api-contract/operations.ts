// Public response shapes of /api/v1/operations and /api/v1/deconfliction/check.
import { z } from "zod";
import { OperationStatus, OperationType, Severity } from "../db/generated/enums";
import { RISK_FLAGS } from "../validation/operation";
import { agencyRef, area, instant, operationRef, page, uuid, where } from "./common";

export const operation = z
  .object({
    id: uuid,
    ref: z.string().meta({ description: "The agency's human reference.", example: "CPD-2027-0042" }),
    agencyId: uuid,
    type: z.enum(OperationType),
    title: z.string(),
    status: z.enum(OperationStatus),
    area,
    bbox: z
      .object({ minLon: z.number(), minLat: z.number(), maxLon: z.number(), maxLat: z.number() })
      .meta({ description: "The area's bounding box in degrees." }),
    startsAt: instant,
    endsAt: instant,
    leadAgencyName: z.string(),
    commanderName: z.string(),
    commanderPhone: z.string(),
    commsPlan: z.string(),
    radioChannel: z.string().nullable(),
    talkgroup: z.string().nullable(),
    interopChannel: z.string().nullable(),
    personnelCount: z.number().int(),
    riskFlags: z.array(z.string()).meta({ description: `Any of ${RISK_FLAGS.join(", ")}.` }),
    notes: z.string(),
    version: z.number().int().min(1).meta({ description: "Send it back with an edit (optimistic concurrency)." }),
    createdById: uuid,
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Operation", description: "One of the token's agency's own operations." });

const snapshot = z
  .unknown()
  .meta({ description: "The tracked fields before or after the change (null before the filing)." });

export const operationChange = z.object({
  id: uuid,
  at: instant,
  byUserId: uuid.nullable().meta({ description: "Null when made through the API." }),
  kinds: z.array(z.string()),
  before: snapshot,
  after: snapshot,
});

const openConflicts = z.number().int().min(0).meta({ description: "Conflicts still OPEN." });

export const operationDetail = operation
  .extend({ changes: z.array(operationChange), openConflicts })
  .meta({ id: "OperationDetail", description: "An operation with its change history." });

export const operationPage = page(operation.extend({ openConflicts })).meta({ id: "OperationPage" });

const idOnly = z.object({ id: uuid });

export const fileOperationResult = z
  .object({ operation, conflicts: z.array(idOnly).meta({ description: "Conflicts the filing recorded." }) })
  .meta({ id: "FileOperationResult" });

export const updateOperationResult = z
  .object({
    operation,
    changes: z.array(z.string()).meta({ description: "What kinds of change the edit made." }),
    conflicts: z.array(z.object({ id: uuid, change: z.string() })),
    closedConflicts: z.array(idOnly),
  })
  .meta({ id: "UpdateOperationResult" });

export const cancelOperationResult = z
  .object({ operation, closedConflicts: z.array(idOnly) })
  .meta({ id: "CancelOperationResult" });

const overlapInstant = instant.nullable();

export const ownAgencyConflict = z
  .object({
    scope: z.literal("OWN_AGENCY"),
    agency: agencyRef,
    ownOperation: operationRef,
    severity: z.enum(Severity),
    minDistanceM: z.number().min(0),
    areasIntersect: z.boolean(),
    containment: z.enum(["NONE", "A_CONTAINS_B", "B_CONTAINS_A"]).meta({
      description: "A_CONTAINS_B: the checked area contains the other; B_CONTAINS_A: the other contains it.",
    }),
    overlapMinutes: z.number().min(0),
    overlapStart: overlapInstant,
    overlapEnd: overlapInstant,
    where,
  })
  .meta({ id: "OwnAgencyConflict", description: "A conflict with one of the token's agency's own operations." });

export const otherAgencyConflict = z
  .object({
    scope: z.literal("OTHER_AGENCY"),
    agency: agencyRef,
    overlapStart: instant,
    overlapEnd: instant,
  })
  .meta({
    id: "OtherAgencyConflict",
    description:
      "Another agency has operations that meet the checked area and window: whom to call, and roughly when (widened outward to whole hours, UTC). One per agency; nothing about where or how.",
  });

export const dryRunResult = z
  .object({
    checkedAt: instant,
    conflicts: z.array(z.discriminatedUnion("scope", [ownAgencyConflict, otherAgencyConflict])),
  })
  .meta({ id: "DryRunResult" });
