// Calendar feed links: created and revoked by agency admins only, audited, scoped to their
// agency; the feed route serves a parseable iCalendar for a live token and 404 otherwise.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/calendar/[token]/route";
import type { Db } from "@/lib/db/client";
import { ZodError } from "zod";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { feedEventLoaders } from "@/lib/ical/agency-feed";
import {
  calendarFeedPath,
  createCalendarFeedToken,
  listCalendarFeedTokens,
  resolveCalendarFeedToken,
  revokeCalendarFeedToken,
} from "@/lib/ical/feed-tokens";
import { actorFor } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";

describe("calendar feed links", () => {
  const t = useFreshDb();
  const now = new Date("2026-11-23T14:00:00Z");
  const loader = async ({ agencyId }: { agencyId: string }) => [
    {
      uid: `notice-1@${agencyId}`,
      sequence: 2,
      stamp: now,
      start: new Date("2026-11-24T11:00:00Z"),
      end: new Date("2026-11-24T13:00:00Z"),
      summary: "Aviso previo: U.S. Marshals, South Loop",
      location: "South Loop, Chicago",
      status: "CONFIRMED" as const,
    },
  ];

  async function setup(db: Db) {
    for (const slug of ["a", "b"]) {
      const agency = await db.agency.create({
        data: {
          slug,
          name: `Agency ${slug}`,
          shortName: slug,
          level: "LOCAL",
          kind: "POLICE",
          timeZone: "America/Chicago",
          phone24x7: "+1 312 555 0100",
        },
      });
      await db.user.create({
        data: {
          agencyId: agency.id,
          email: `admin@${slug}.gov`,
          name: "Admin",
          passwordHash: "x",
          roles: ["AGENCY_ADMIN"],
        },
      });
      await db.user.create({
        data: {
          agencyId: agency.id,
          email: `liaison@${slug}.gov`,
          name: "Liaison",
          passwordHash: "x",
          roles: ["LIAISON"],
        },
      });
    }
  }

  beforeAll(async () => {
    process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789";
    process.env.DATABASE_URL = t().url; // the route handler uses the app's own client
    await setup(t().db);
    feedEventLoaders.push(loader);
  });
  afterAll(() => {
    feedEventLoaders.splice(feedEventLoaders.indexOf(loader), 1);
  });

  const fetchFeed = (token: string) =>
    GET(new Request(`http://localhost${calendarFeedPath(token)}`), { params: Promise.resolve({ token }) });

  it("gives an admin a secret URL whose feed parses as iCalendar", async () => {
    const { db } = t();
    const admin = await actorFor(db, "admin@a.gov");
    const { token, feed } = await createCalendarFeedToken({
      db,
      actor: admin,
      input: { name: "Watch desk calendar" },
      now,
    });
    expect(token).toMatch(/^cgcal_/);
    expect(feed.prefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(await db.calendarFeedToken.findMany())).not.toContain(token);
    expect((await resolveCalendarFeedToken({ db, token, now }))?.agencyId).toBe(admin.agencyId);

    const res = await fetchFeed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Incoming notices — Agency a");
    const [event] = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect([event.uid, event.summary, event.sequence]).toEqual([
      `notice-1@${admin.agencyId}`,
      "Aviso previo: U.S. Marshals, South Loop",
      2,
    ]);
    expect(
      await db.auditEvent.count({
        where: { action: "calendar.feed.create", agencyId: admin.agencyId, outcome: "SUCCESS" },
      }),
    ).toBe(1);
  });

  it("stops working once revoked", async () => {
    const { db } = t();
    const admin = await actorFor(db, "admin@a.gov");
    const { token, feed } = await createCalendarFeedToken({ db, actor: admin, input: { name: "Old link" }, now });
    await revokeCalendarFeedToken({ db, actor: admin, feedId: feed.id, now });
    expect(await resolveCalendarFeedToken({ db, token, now })).toBeNull();
    expect((await fetchFeed(token)).status).toBe(404);
    expect((await fetchFeed("cgcal_not-a-real-token")).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "calendar.feed.revoke", targetId: feed.id } })).toBe(1);
  });

  it("is for agency admins, within their own agency, and audits refusals", async () => {
    const { db } = t();
    const liaison = await actorFor(db, "liaison@a.gov");
    await expect(createCalendarFeedToken({ db, actor: liaison, input: { name: "Mine" }, now })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(
      await db.auditEvent.count({
        where: { action: "calendar.feed.create", outcome: "DENIED", actorUserId: liaison.userId },
      }),
    ).toBe(1);

    const adminA = await actorFor(db, "admin@a.gov");
    const adminB = await actorFor(db, "admin@b.gov");
    const { token, feed } = await createCalendarFeedToken({ db, actor: adminA, input: { name: "Shared desk" }, now });
    await expect(revokeCalendarFeedToken({ db, actor: adminB, feedId: feed.id, now })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await resolveCalendarFeedToken({ db, token, now })).not.toBeNull();
    expect((await listCalendarFeedTokens({ db, actor: adminB })).map((f) => f.id)).not.toContain(feed.id);
    await expect(createCalendarFeedToken({ db, actor: adminA, input: { name: " " }, now })).rejects.toBeInstanceOf(
      ZodError,
    );
  });
});
