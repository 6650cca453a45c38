// Secret, revocable feed URLs through which an agency's calendar app subscribes to its incoming
// notices. Calendar apps cannot sign in, so the URL is the credential: 32 random bytes shown
// once, stored only as a SHA-256 hash. Agency admins create and revoke them; both are audited.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { NotFoundError } from "../errors";
import { auditRefusal, authorizeAgencyAdmin } from "../users/admin-scope";
import { calendarFeedInputSchema } from "../validation/calendar-feed";

export const CALENDAR_AUDIT = { create: "calendar.feed.create", revoke: "calendar.feed.revoke" } as const;

const PREFIX = "cgcal_";
const SHAPE = /^cgcal_[A-Za-z0-9_-]{43}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LAST_USED_GRANULARITY_MS = 60_000;

export type CalendarFeedView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The path a calendar app subscribes to; the caller makes it absolute. */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}`;
}

export async function createCalendarFeedToken(args: {
  db: Db;
  actor: Actor;
  input: unknown;
  now: Date;
}): Promise<{ token: string; feed: CalendarFeedView }> {
  const { db, actor, now } = args;
  await auditRefusal({ db, actor, action: CALENDAR_AUDIT.create, targetType: "CalendarFeedToken", now }, async () =>
    authorizeAgencyAdmin(actor),
  );
  const input = calendarFeedInputSchema.parse(args.input);
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, PREFIX.length + 6);
  const feed = await db.$transaction(async (tx) => {
    const row = await tx.calendarFeedToken.create({
      data: {
        id: randomUUID(),
        agencyId: actor.agencyId,
        name: input.name,
        prefix,
        tokenHash: hash(token),
        createdById: actor.userId ?? actor.id,
        createdAt: now,
      },
      select: VIEW,
    });
    await recordAudit(tx, {
      action: CALENDAR_AUDIT.create,
      targetType: "CalendarFeedToken",
      targetId: row.id,
      details: { name: row.name, prefix },
      at: now,
      ...auditContext(actor),
    });
    return row;
  });
  return { token, feed };
}

export async function revokeCalendarFeedToken(args: {
  db: Db;
  actor: Actor;
  feedId: string;
  now: Date;
}): Promise<CalendarFeedView> {
  const { db, actor, feedId, now } = args;
  return auditRefusal(
    { db, actor, action: CALENDAR_AUDIT.revoke, targetType: "CalendarFeedToken", targetId: feedId.slice(0, 64), now },
    async () => {
      authorizeAgencyAdmin(actor);
      if (!UUID.test(feedId)) throw new NotFoundError();
      return db.$transaction(async (tx) => {
        const { count } = await tx.calendarFeedToken.updateMany({
          where: { id: feedId, agencyId: actor.agencyId, revokedAt: null },
          data: { revokedAt: now },
        });
        const row = await tx.calendarFeedToken.findFirst({
          where: { id: feedId, agencyId: actor.agencyId },
          select: VIEW,
        });
        if (!row) throw new NotFoundError();
        if (count === 1) {
          await recordAudit(tx, {
            action: CALENDAR_AUDIT.revoke,
            targetType: "CalendarFeedToken",
            targetId: row.id,
            details: { name: row.name, prefix: row.prefix },
            at: now,
            ...auditContext(actor),
          });
        }
        return row;
      });
    },
  );
}

export async function listCalendarFeedTokens(args: { db: Db; actor: Actor }): Promise<CalendarFeedView[]> {
  authorizeAgencyAdmin(args.actor);
  return args.db.calendarFeedToken.findMany({
    where: { agencyId: args.actor.agencyId },
    orderBy: { createdAt: "desc" },
    select: VIEW,
  });
}

/** The agency a feed URL's token belongs to, or null for an unknown or revoked token. */
export async function resolveCalendarFeedToken(args: {
  db: Db;
  token: string;
  now: Date;
}): Promise<{ feedId: string; agencyId: string; agencyName: string; timeZone: string } | null> {
  const { db, token, now } = args;
  if (!SHAPE.test(token)) return null;
  const row = await db.calendarFeedToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { id: true, agencyId: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const agency = await db.agency.findUnique({
    where: { id: row.agencyId },
    select: { name: true, timeZone: true, active: true },
  });
  if (!agency?.active) return null;
  await db.calendarFeedToken.updateMany({
    where: {
      id: row.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  return { feedId: row.id, agencyId: row.agencyId, agencyName: agency.name, timeZone: agency.timeZone };
}
