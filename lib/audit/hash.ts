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
  return createHash("sha256").update(hashedBody(e)).digest("hex");
}

/** The exact text an event's hash is taken over. */
export function hashedBody(e: HashedFields): string {
  return canonicalJson({
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
}

/**
 * The hashed text with the two values only known once the chain's lock is held left out: the
 * text is `head + prevHash + mid + String(seq) + tail` (how the database's `cg_audit_append`
 * hashes it). Keys are sorted, so the top-level "prevHash" and "seq" come after "details" — the
 * only value that may hold such keys itself — and every later value is a string, where a quote
 * is escaped: the last occurrence of each key is the top-level one.
 */
export function hashedBodyParts(e: Omit<HashedFields, "seq" | "prevHash">): {
  head: string;
  mid: string;
  tail: string;
} {
  const body = hashedBody({ ...e, seq: "", prevHash: "" });
  const prevAt = body.lastIndexOf('"prevHash":"') + '"prevHash":"'.length;
  const seqAt = body.lastIndexOf('"seq":"') + '"seq":"'.length;
  return { head: body.slice(0, prevAt), mid: body.slice(prevAt, seqAt), tail: body.slice(seqAt) };
}
