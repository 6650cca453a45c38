// What every dry run (the API's check, the filing form's conflict and recipient previews) passes
// through: a rate limit per person (or API token) and per agency, and a record in the audit trail
// of the box it looked at. A dry run answers questions about other agencies' plans without
// committing to anything, so how often an agency asks, and where, is itself worth keeping.
import type { Db } from "../db/client";
import { auditContext, type Actor } from "../auth/actor";
import { recordRequestAudit } from "../api-tokens/request-audit";
import { areaBBox } from "../deconfliction/bbox";
import type { Area } from "../deconfliction/types";
import { RateLimitError } from "../errors";
import { consumeLeased } from "../rate-limit/leased";
import { areaSchema } from "../validation/area";

export const PROBE_AUDIT_ACTION = "operation.dry_run";

export type ProbeKind = "CONFLICTS" | "RECIPIENTS";
export type ProbeOutcome = "ANSWERED" | "RATE_LIMITED" | "INVALID";

/** What the audit trail keeps of one dry run. `bbox` is [west, south, east, north] in degrees. */
export type ProbeRecord = {
  kind: ProbeKind;
  outcome: ProbeOutcome;
  bbox: [number, number, number, number];
  startsAt: string | null;
  endsAt: string | null;
};

/**
 * Where a probe's record goes. An API request already writes one audit event of its own (batched,
 * see lib/api-tokens/request-audit.ts): the probe rides on it as details. Without a sink (the
 * forms), the probe is its own `operation.dry_run` event, through the same batched writer.
 */
export type ProbeSink = (record: ProbeRecord) => void;

export type ProbeArgs = { db: Db; actor: Actor; now: Date; sink?: ProbeSink };

const round = (v: number) => Math.round(v * 1e5) / 1e5;

export function boxOf(area: Area): ProbeRecord["bbox"] {
  const b = areaBBox(area);
  return [round(b.minLon), round(b.minLat), round(b.maxLon), round(b.maxLat)];
}

/** Records the probe: on the request's own event, or as an event of its own (then it resolves once committed). */
export function noteProbe(args: ProbeArgs, record: ProbeRecord): Promise<void> {
  if (args.sink) {
    args.sink(record);
    return Promise.resolve();
  }
  const { actor, now } = args;
  return recordRequestAudit(args.db, {
    action: PROBE_AUDIT_ACTION,
    targetType: "Agency",
    targetId: actor.agencyId,
    outcome: record.outcome === "ANSWERED" ? "SUCCESS" : "FAILURE",
    details: record,
    at: now,
    ...auditContext(actor),
  });
}

/** A refused input is recorded too when its area could be read: a probe over the size limit says where someone looked. */
export async function noteInvalidProbe(args: ProbeArgs, kind: ProbeKind, input: unknown): Promise<void> {
  const raw = input && typeof input === "object" ? (input as Record<string, unknown>).area : undefined;
  const area = areaSchema.safeParse(raw);
  if (!area.success) return;
  await noteProbe(args, { kind, outcome: "INVALID", bbox: boxOf(area.data), startsAt: null, endsAt: null });
}

/** Spends one dry run of the actor's and of its agency's allowance; past either, a 429 saying when to come back. */
export async function admitProbe(
  args: ProbeArgs,
  kind: ProbeKind,
  probe: { area: Area; startsAt: Date; endsAt: Date },
): Promise<void> {
  const { db, actor } = args;
  // Both counters in parallel: one round trip's wait at most, and none while this process holds a
  // lease on the allowance (lib/rate-limit/leased.ts: never more than the limit across processes).
  // A person's key is their user (or API token) id.
  const [person, agency] = await Promise.all([
    consumeLeased(db, "dryRunUser", actor.userId ? `user:${actor.userId}` : `token:${actor.id}`),
    consumeLeased(db, "dryRunAgency", `agency:${actor.agencyId}`),
  ]);
  const refused = [person, agency].filter((v) => !v.allowed);
  if (refused.length === 0) return;
  const retryAfterSec = Math.max(...refused.map((v) => (v.allowed ? 0 : v.retryAfterSec)));
  await noteProbe(args, {
    kind,
    outcome: "RATE_LIMITED",
    bbox: boxOf(probe.area),
    startsAt: probe.startsAt.toISOString(),
    endsAt: probe.endsAt.toISOString(),
  });
  throw new RateLimitError("operations.preview.rateLimited", { retryAfterSec });
}
