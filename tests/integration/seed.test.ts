// The demo world as seeded into a real database: agencies with valid boundaries and bounding
// boxes, one enrolled account per role, a clean audit chain, and a second run that changes nothing.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { demoEmail, DEMO_PASSWORD, DEMO_ROLES, PLATFORM_ADMIN_EMAIL } from "@/prisma/seed/accounts";
import { DEMO_ACCOUNTS_PATH, renderDemoAccounts } from "@/prisma/seed/demo-accounts-doc";
import { multiPolygonSchema } from "@/lib/validation/agency";
import { multiPolygonBbox } from "@/lib/agencies/boundary";
import { verifyPassword } from "@/lib/auth/password";
import { decryptTotpSecret } from "@/lib/auth/totp";
import { demoTotpSecret } from "@/lib/auth/demo";
import { verifyAuditChain } from "@/lib/audit/verify";
import { useFreshDb } from "./helpers/db";
import { useTestSecrets } from "./helpers/actors";

type Ring = [number, number][];

function segmentsCross(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  const orient = (p: [number, number], q: [number, number], r: [number, number]) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

function selfIntersects(ring: Ring): boolean {
  for (let i = 0; i < ring.length - 1; i++) {
    for (let j = i + 2; j < ring.length - 1; j++) {
      if (i === 0 && j === ring.length - 2) continue; // the closing segment meets the first
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

function inside([x, y]: [number, number], ring: Ring): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

describe("seed", () => {
  const t = useFreshDb();

  beforeAll(async () => {
    useTestSecrets(t().url);
    await seed(t().db);
  });

  it("creates the demo agencies, all in Chicago's time zone, with no tribal agency invented", async () => {
    const agencies = await t().db.agency.findMany();
    const slugs = agencies.map((a) => a.slug);
    expect(agencies.length).toBeGreaterThanOrEqual(20);
    for (const slug of [
      "cook-sheriff",
      "iroquois-sheriff",
      "chicago-pd",
      "aurora-pd",
      "joliet-pd",
      "illinois-state-police",
      "cook-county-sao",
      "ice-ero-chicago",
      "hsi-chicago",
      "dea-chicago",
      "fbi-chicago",
      "usms-ndil",
    ]) {
      expect(slugs).toContain(slug);
    }
    expect(agencies.every((a) => a.timeZone === "America/Chicago")).toBe(true);
    expect(agencies.some((a) => a.level === "TRIBAL")).toBe(false);
    expect(agencies.filter((a) => a.kind === "SHERIFF").length).toBeGreaterThanOrEqual(10);
    expect(new Set(agencies.map((a) => a.phone24x7)).size).toBe(agencies.length);
    expect(agencies.every((a) => /^\+1 \d{3}-555-01\d\d$/.test(a.phone24x7))).toBe(true);
    const cpd = agencies.find((a) => a.slug === "chicago-pd")!;
    expect(cpd.languages).toEqual(["en", "es", "pl"]);
    const rural = agencies.find((a) => a.slug === "ford-sheriff")!;
    expect(rural.noticeLeadHours).toBe(48);
    expect(agencies.find((a) => a.slug === "fbi-chicago")!.noticeLeadHours).toBe(12);
  });

  it("stores valid, closed, non-self-intersecting MultiPolygons with matching bounding boxes", async () => {
    const agencies = await t().db.agency.findMany({ where: { boundary: { not: null as never } } });
    expect(agencies.length).toBeGreaterThanOrEqual(17);
    for (const a of agencies) {
      const parsed = multiPolygonSchema.safeParse(a.boundary);
      expect(parsed.success, a.slug).toBe(true);
      const boundary = parsed.data!;
      expect((a.boundary as { type: string }).type, a.slug).toBe("MultiPolygon");
      expect(
        { bboxMinLon: a.bboxMinLon, bboxMinLat: a.bboxMinLat, bboxMaxLon: a.bboxMaxLon, bboxMaxLat: a.bboxMaxLat },
        a.slug,
      ).toEqual(multiPolygonBbox(boundary));
      for (const polygon of boundary.coordinates)
        for (const ring of polygon) expect(selfIntersects(ring), a.slug).toBe(false);
    }
    // Real places: Cook County holds the Loop; the state reaches from the Mississippi to Lake Michigan.
    const cook = agencies.find((a) => a.slug === "cook-sheriff")!;
    const loop: [number, number] = [-87.6298, 41.8781];
    expect(inside(loop, multiPolygonSchema.parse(cook.boundary).coordinates[0][0])).toBe(true);
    const isp = agencies.find((a) => a.slug === "illinois-state-police")!;
    expect(isp.bboxMinLon!).toBeLessThan(-91);
    expect(isp.bboxMaxLat!).toBeGreaterThan(42.4);
    // The hand-drawn city stays inside its county.
    const chicago = multiPolygonSchema.parse(agencies.find((a) => a.slug === "chicago-pd")!.boundary);
    const cookRing = multiPolygonSchema.parse(cook.boundary).coordinates[0][0];
    expect(chicago.coordinates[0][0].every((p) => inside(p, cookRing))).toBe(true);
  });

  it("leaves agencies without a mapped jurisdiction without a bounding box", async () => {
    const unmapped = await t().db.agency.findMany({
      where: { slug: { in: ["hsi-chicago", "dea-chicago", "fbi-chicago", "cook-county-sao"] } },
    });
    expect(unmapped).toHaveLength(4);
    for (const a of unmapped) expect([a.boundary, a.bboxMinLon, a.bboxMaxLat]).toEqual([null, null, null]);
  });

  it("gives every agency one enrolled account per role, with the shared demo password", async () => {
    const agencies = await t().db.agency.findMany({ include: { users: true } });
    for (const a of agencies) {
      const staff = a.users.filter((u) => !u.isPlatformAdmin);
      expect(staff.map((u) => u.roles).sort(), a.slug).toEqual(DEMO_ROLES.map((r) => [r]).sort());
      for (const role of DEMO_ROLES) expect(staff.map((u) => u.email)).toContain(demoEmail(role, a.slug));
    }
    const users = agencies.flatMap((a) => a.users);
    expect(users).toHaveLength(agencies.length * DEMO_ROLES.length + 1);
    expect(new Set(users.map((u) => u.name)).size).toBe(users.length);
    for (const u of users) {
      expect(u.mfaEnrolledAt, u.email).not.toBeNull();
      expect(decryptTotpSecret(u.totpSecret!), u.email).toBe(demoTotpSecret(u.email));
    }
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(users[0].passwordHash, "not-the-demo-password")).toBe(false);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
  });

  it("makes one platform admin, outside every agency role", async () => {
    const admins = await t().db.user.findMany({ where: { isPlatformAdmin: true }, include: { agency: true } });
    expect(admins.map((u) => u.email)).toEqual([PLATFORM_ADMIN_EMAIL]);
    expect(admins[0].roles).toEqual([]);
  });

  it("audits every creation as seed.* on an intact hash chain", async () => {
    const { db } = t();
    const events = await db.auditEvent.groupBy({ by: ["action"], _count: true });
    const counts = Object.fromEntries(events.map((e) => [e.action, e._count]));
    expect(counts).toEqual({
      "seed.agency.create": await db.agency.count(),
      "seed.user.create": await db.user.count(),
      "seed.request.create": 3,
      "seed.webhook.create": 2,
      "seed.public-record.publish": 3,
      "seed.request.report.publish": 3,
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("seeds a year of federal requests to three sheriffs with different policies", async () => {
    const { db } = t();
    const bySlug = async (slug: string) => (await db.agency.findUniqueOrThrow({ where: { slug } })).id;
    const [dupage, kankakee, iroquois] = [
      await bySlug("dupage-sheriff"),
      await bySlug("kankakee-sheriff"),
      await bySlug("iroquois-sheriff"),
    ];
    expect(await db.requestRule.count({ where: { agencyId: dupage, presetKey: "ilTrustAct" } })).toBe(6);
    expect(await db.requestRule.count({ where: { agencyId: kankakee, presetKey: "jail287g" } })).toBe(4);
    expect(await db.requestRule.count({ where: { agencyId: iroquois } })).toBe(0);
    // Every preset rule knows which rule of its preset it is, so adopting again adds nothing twice.
    expect(await db.requestRule.count({ where: { presetKey: { not: null }, presetRuleKey: null } })).toBe(0);
    // Kankakee's shift supervisor decides too; its old release policy is retired, not deleted.
    expect(await db.requestRule.count({ where: { agencyId: kankakee, active: false } })).toBe(1);
    const designated = await db.requestCommandDesignation.findMany({
      where: { agencyId: kankakee },
      select: { userId: true },
    });
    expect(
      await db.user.findMany({ where: { id: { in: designated.map((d) => d.userId) } }, select: { roles: true } }),
    ).toEqual([{ roles: ["SUPERVISOR"] }]);
    for (const id of [dupage, kankakee, iroquois])
      expect(await db.federalRequest.count({ where: { agencyId: id } })).toBeGreaterThan(10);
    // Under the TRUST Act no civil detainer is honoured without a documented departure.
    expect(
      await db.federalRequest.count({
        where: {
          agencyId: dupage,
          kind: "DETAINER",
          basisSignedByJudge: false,
          decision: "COMPLIED",
          departure: false,
        },
      }),
    ).toBe(0);
    expect(
      await db.federalRequest.count({ where: { agencyId: kankakee, kind: "DETAINER", decision: "COMPLIED" } }),
    ).toBeGreaterThan(10);
    expect(await db.federalRequest.count({ where: { departure: true, departureJustification: null } })).toBe(0);
    expect(await db.federalRequest.count({ where: { localReference: { not: null } } })).toBe(0);
  });

  it("does nothing when agencies already exist", async () => {
    const { db } = t();
    const before = {
      agencies: await db.agency.count(),
      users: await db.user.count(),
      events: await db.auditEvent.count(),
    };
    await seed(db);
    expect({
      agencies: await db.agency.count(),
      users: await db.user.count(),
      events: await db.auditEvent.count(),
    }).toEqual(before);
  });

  it("is documented: DEMO-ACCOUNTS.md matches what the seed creates", async () => {
    expect(readFileSync(DEMO_ACCOUNTS_PATH, "utf8")).toBe(renderDemoAccounts());
    const doc = readFileSync(DEMO_ACCOUNTS_PATH, "utf8");
    for (const u of await t().db.user.findMany({ select: { email: true } })) expect(doc).toContain(`\`${u.email}\``);
  });
});
