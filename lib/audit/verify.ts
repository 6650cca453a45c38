// Recomputes the audit chain and reports the first event whose hash or link does not match.
import type { Db } from "../db/client";
import type { AuditEvent } from "../db/generated/client";
import { eventHash, GENESIS_HASH } from "./hash";

export type VerifyResult =
  | { ok: true; checked: number; lastSeq: bigint | null }
  | { ok: false; checked: number; brokenSeq: bigint; reason: "HASH_MISMATCH" | "BROKEN_LINK" };

export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let after: bigint | null = null;
  let checked = 0;
  for (;;) {
    const rows: AuditEvent[] = await db.auditEvent.findMany({
      where: after === null ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, checked, lastSeq: after };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, brokenSeq: row.seq, reason: "BROKEN_LINK" };
      const expected = eventHash({ ...row, details: row.details });
      if (expected !== row.hash) return { ok: false, checked, brokenSeq: row.seq, reason: "HASH_MISMATCH" };
      prevHash = row.hash;
      after = row.seq;
      checked++;
    }
  }
}
