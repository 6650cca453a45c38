// The audit chain's hash: SHA-256 over a canonical rendering of the event and the previous hash.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type HashedFields = {
  seq: bigint | number | string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  agencyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  sourceIp: string | null;
  details: unknown;
  prevHash: string;
};

/** JSON with object keys sorted at every depth, so jsonb's reordering doesn't change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(e: HashedFields): string {
  const body = canonicalJson({
    seq: String(e.seq),
    at: e.at.toISOString(),
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    agencyId: e.agencyId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    outcome: e.outcome,
    requestId: e.requestId,
    sourceIp: e.sourceIp,
    details: e.details ?? null,
    prevHash: e.prevHash,
  });
  return createHash("sha256").update(body).digest("hex");
}
