// Anchoring the audit chain. The chain alone shows that no event was altered without recomputing
// every hash after it; someone who can write to the database can do exactly that. So once a day
// the chain's head (its last event's sequence number and hash) is signed with the instance's
// Ed25519 key and sent to every agency's auditors. A later rewrite of any event at or before an
// anchored head changes that head's hash: `npm run audit:verify` compares the chain with every
// anchor in the database (whose signatures the database alone cannot forge) and with any copy of
// the published heads an auditor kept (`--anchors`), so deleting anchors does not hide it either.
//
// The key: AUDIT_ANCHOR_KEY (32 random bytes, base64) when set, else derived from AUTH_SECRET.
// It never enters the database.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import type { Db } from "../db/client";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import { queueMail } from "../mail/queue-mail";
import { auditedTransaction, recordAudit } from "./record";

export const AUDIT_ANCHOR_QUEUE = "audit.anchor";
export const AUDIT_ANCHOR_ACTION = "audit.anchor";

/** An anchor as published: enough for anyone to check it against the chain and the public key. */
export type PublishedAnchor = {
  seq: string;
  hash: string;
  eventAt: string;
  signedAt: string;
  keyId: string;
  signature: string;
};

// PKCS#8 DER for an Ed25519 private key is this prefix followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export type AnchorKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string; publicKeyBase64: string };

export function anchorKeyFrom(source: { anchorKey?: string; authSecret: string }): AnchorKey {
  const seed = source.anchorKey
    ? Buffer.from(source.anchorKey, "base64")
    : Buffer.from(hkdfSync("sha256", source.authSecret, "common-ground", "audit-anchor-ed25519-v1", 32));
  if (seed.length !== 32) throw new Error("AUDIT_ANCHOR_KEY must be 32 bytes, base64-encoded");
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return {
    privateKey,
    publicKey,
    keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
    publicKeyBase64: raw.toString("base64"),
  };
}

export function instanceAnchorKey(): AnchorKey {
  const e = env();
  return anchorKeyFrom({ anchorKey: e.AUDIT_ANCHOR_KEY, authSecret: e.AUTH_SECRET });
}

/** The exact bytes signed: a fixed label and the anchor's fields, one per line. */
function signedText(a: Omit<PublishedAnchor, "signature" | "keyId">): Buffer {
  return Buffer.from(["common-ground-audit-anchor-v1", a.seq, a.hash, a.eventAt, a.signedAt].join("\n"), "utf8");
}

export function signAnchor(key: AnchorKey, a: Omit<PublishedAnchor, "signature" | "keyId">): PublishedAnchor {
  return { ...a, keyId: key.keyId, signature: sign(null, signedText(a), key.privateKey).toString("base64") };
}

export function anchorSignatureValid(publicKey: KeyObject, a: PublishedAnchor): boolean {
  try {
    return verify(null, signedText(a), publicKey, Buffer.from(a.signature, "base64"));
  } catch {
    return false;
  }
}

const published = (r: {
  seq: bigint;
  hash: string;
  eventAt: Date;
  signedAt: Date;
  keyId: string;
  signature: string;
}): PublishedAnchor => ({
  seq: r.seq.toString(),
  hash: r.hash,
  eventAt: r.eventAt.toISOString(),
  signedAt: r.signedAt.toISOString(),
  keyId: r.keyId,
  signature: r.signature,
});

/**
 * Signs the chain's current head and sends it to every active auditor, in one transaction with the
 * anchor's own audit event. With nothing recorded since the last anchor (but its own event), that
 * anchor is returned and nothing is sent.
 */
export async function anchorAuditChain(
  db: Db,
  o: { now: Date; key?: AnchorKey },
): Promise<{ anchor: PublishedAnchor; created: boolean } | null> {
  const key = o.key ?? instanceAnchorKey();
  return auditedTransaction(db, async (tx) => {
    const head = await tx.auditEvent.findFirst({
      orderBy: { seq: "desc" },
      select: { seq: true, hash: true, at: true },
    });
    if (!head) return null;
    // Nothing new since the last anchor but that anchor's own record: the last anchor still stands.
    const last = await tx.auditAnchor.findFirst({ orderBy: { seq: "desc" } });
    if (
      last &&
      (await tx.auditEvent.count({ where: { seq: { gt: last.seq }, action: { not: AUDIT_ANCHOR_ACTION } } })) === 0
    ) {
      return { anchor: published(last), created: false };
    }
    const anchor = signAnchor(key, {
      seq: head.seq.toString(),
      hash: head.hash,
      eventAt: head.at.toISOString(),
      signedAt: o.now.toISOString(),
    });
    await tx.auditAnchor.create({
      data: {
        id: randomUUID(),
        seq: head.seq,
        hash: anchor.hash,
        eventAt: head.at,
        signedAt: o.now,
        keyId: anchor.keyId,
        signature: anchor.signature,
      },
    });
    const auditors = await tx.user.findMany({
      where: { active: true, roles: { has: "AUDITOR" }, agency: { active: true } },
      select: {
        id: true,
        email: true,
        name: true,
        locale: true,
        agencyId: true,
        agency: { select: { languages: true, timeZone: true } },
      },
      orderBy: { email: "asc" },
    });
    for (const u of auditors) {
      const agencyLocales = u.agency.languages.filter(isLocale) as Locale[];
      await queueMail(tx, {
        to: { address: u.email, name: u.name, userId: u.id, agencyId: u.agencyId },
        template: "auditAnchor",
        params: {
          seq: anchor.seq,
          hash: anchor.hash,
          eventAt: head.at,
          keyId: anchor.keyId,
          publicKey: key.publicKeyBase64,
          signature: anchor.signature,
          line: JSON.stringify(anchor),
        },
        locales: isLocale(u.locale) ? [u.locale, ...agencyLocales] : agencyLocales,
        timeZone: u.agency.timeZone,
        about: { type: "AuditAnchor", id: anchor.seq },
        now: o.now,
      });
    }
    await recordAudit(tx, {
      action: AUDIT_ANCHOR_ACTION,
      targetType: "AuditEvent",
      targetId: anchor.seq,
      actorLabel: "system:audit-anchor",
      details: { seq: anchor.seq, hash: anchor.hash, keyId: anchor.keyId, auditorsEmailed: auditors.length },
      at: o.now,
    });
    return { anchor, created: true };
  });
}

export async function listAnchors(db: Db): Promise<PublishedAnchor[]> {
  return (await db.auditAnchor.findMany({ orderBy: { seq: "asc" } })).map(published);
}

export type AnchorProblem = {
  seq: string;
  source: "DATABASE" | "PUBLISHED";
  reason: "BAD_SIGNATURE" | "UNKNOWN_KEY" | "EVENT_MISSING" | "HASH_DIFFERS" | "MISSING_FROM_DATABASE";
};

/**
 * Checks the chain against anchors: those in the database and, when given, a published copy.
 * Each must be signed by the instance's key and name an event whose hash is the one anchored.
 */
export async function verifyAnchors(
  db: Db,
  o: { key?: AnchorKey; published?: PublishedAnchor[] } = {},
): Promise<{ checked: number; problems: AnchorProblem[] }> {
  const key = o.key ?? instanceAnchorKey();
  const stored = await listAnchors(db);
  const storedBySeq = new Map(stored.map((a) => [a.seq, a]));
  const problems: AnchorProblem[] = [];
  const check = async (a: PublishedAnchor, source: AnchorProblem["source"]) => {
    if (a.keyId !== key.keyId) return problems.push({ seq: a.seq, source, reason: "UNKNOWN_KEY" });
    if (!anchorSignatureValid(key.publicKey, a)) return problems.push({ seq: a.seq, source, reason: "BAD_SIGNATURE" });
    const event = await db.auditEvent.findUnique({ where: { seq: BigInt(a.seq) }, select: { hash: true } });
    if (!event) return problems.push({ seq: a.seq, source, reason: "EVENT_MISSING" });
    if (event.hash !== a.hash) return problems.push({ seq: a.seq, source, reason: "HASH_DIFFERS" });
  };
  for (const a of stored) await check(a, "DATABASE");
  for (const a of o.published ?? []) {
    if (!storedBySeq.has(a.seq)) problems.push({ seq: a.seq, source: "PUBLISHED", reason: "MISSING_FROM_DATABASE" });
    await check(a, "PUBLISHED");
  }
  return { checked: stored.length + (o.published?.length ?? 0), problems };
}
