// Agencies against a real database: the directory any signed-in user reads, the settings an
// agency admin edits (their own agency only), and the records a platform admin keeps.
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { getDirectoryEntry, listDirectory } from "@/lib/agencies/directory";
import { getOwnAgencySettings, updateAgencySettings } from "@/lib/agencies/agency-settings";
import { createAgency, getAgencyForEdit, listAllAgencies, updateAgency } from "@/lib/agencies/platform-agencies";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api-tokens/manage-tokens";
import { useFreshDb } from "./helpers/db";
import { actorFor, useTestSecrets } from "./helpers/actors";
import { actorOf } from "./operations-fixtures";

const now = new Date("2026-11-23T15:00:00Z");

const settings = {
  phone24x7: "+1 630-555-0199",
  email: "Desk@DuPage-Sheriff.demo",
  backupContactName: "Lt. Ana Ruiz",
  backupContactPhone: "(630) 555-0198",
  backupContactEmail: "",
  languages: ["en", "es", "pl"],
  noticeLeadHours: "36",
  proximityBufferM: "750",
  timeBufferMinutes: "45",
  ackWindowMinutes: "20",
};

const square = {
  type: "Polygon",
  coordinates: [
    [
      [-88.1, 41.9],
      [-88.0, 41.9],
      [-88.0, 42.0],
      [-88.1, 42.0],
      [-88.1, 41.9],
    ],
  ],
};

function agencyForm(overrides: Record<string, unknown> = {}) {
  return {
    name: "Elmhurst Police Department",
    shortName: "Elmhurst PD",
    slug: "elmhurst-pd",
    level: "LOCAL",
    kind: "POLICE",
    timeZone: "America/Chicago",
    active: "on",
    boundary: JSON.stringify(square),
    ...settings,
    ...overrides,
  };
}

async function issuesOf(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ValidationError);
  // The first message for each field, as the forms show it.
  return Object.fromEntries((e as ValidationError).issues.toReversed().map((i) => [i.path, i.message]));
}

describe("agencies", () => {
  const t = useFreshDb();
  const db = () => t().db;
  const as = (email: string) => actorFor(db(), email);

  beforeAll(async () => {
    useTestSecrets(t().url);
    await seed(db());
  });

  describe("directory", () => {
    it("lets any signed-in user search every agency, and nobody signed out", async () => {
      const liaison = await as("liaison@ice-ero-chicago.demo");
      const all = await listDirectory({ actor: liaison, filter: {}, db: db() });
      expect(all.length).toBe(await db().agency.count());
      const sheriffs = await listDirectory({ actor: liaison, filter: { q: "cook", kind: "SHERIFF" }, db: db() });
      expect(sheriffs.map((a) => a.slug)).toEqual(["cook-sheriff"]);
      const federal = await listDirectory({ actor: liaison, filter: { level: "FEDERAL" }, db: db() });
      expect(federal.every((a) => a.level === "FEDERAL")).toBe(true);
      expect(federal.length).toBe(5);
      await expect(listDirectory({ actor: null, filter: {}, db: db() })).rejects.toBeInstanceOf(UnauthorizedError);
    });

    it("shows an agency's public contacts and boundary, and no accounts", async () => {
      const chief = await as("chief@aurora-pd.demo");
      const entry = await getDirectoryEntry({ actor: chief, slug: "kendall-sheriff", db: db() });
      expect(entry.boundary?.type).toBe("MultiPolygon");
      expect(entry.phone24x7).toMatch(/555-01/);
      expect(Object.keys(entry)).not.toContain("users");
      await expect(getDirectoryEntry({ actor: chief, slug: "no-such-agency", db: db() })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  describe("agency settings", () => {
    it("updates only the admin's own agency, and records each change", async () => {
      const admin = await as("admin@dupage-sheriff.demo");
      const otherBefore = await db().agency.findUniqueOrThrow({ where: { slug: "cook-sheriff" } });
      await updateAgencySettings({ actor: admin, input: settings, now, db: db() });
      const row = await db().agency.findUniqueOrThrow({ where: { id: admin.agencyId } });
      expect(row).toMatchObject({
        phone24x7: "+1 630-555-0199",
        email: "desk@dupage-sheriff.demo",
        backupContactEmail: null,
        languages: ["en", "es", "pl"],
        noticeLeadHours: 36,
        proximityBufferM: 750,
        timeBufferMinutes: 45,
        ackWindowMinutes: 20,
      });
      expect(await db().agency.findUniqueOrThrow({ where: { slug: "cook-sheriff" } })).toEqual(otherBefore);
      const event = await db().auditEvent.findFirstOrThrow({
        where: { action: "agency.settings.update", agencyId: admin.agencyId },
      });
      expect((event.details as { changes: Record<string, unknown> }).changes).toMatchObject({
        noticeLeadHours: { from: 24, to: 36 },
        backupContactEmail: { from: "backup@dupage-sheriff.demo", to: null },
      });
      expect(await getOwnAgencySettings({ actor: admin, db: db() })).toMatchObject({ noticeLeadHours: 36 });
    });

    it("refuses anyone but the agency admin", async () => {
      const chief = await as("chief@dupage-sheriff.demo");
      await expect(
        updateAgencySettings({ actor: chief, input: { ...settings, noticeLeadHours: "1" }, now, db: db() }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect((await db().agency.findUniqueOrThrow({ where: { id: chief.agencyId } })).noticeLeadHours).not.toBe(1);
    });

    it("explains bad settings field by field", async () => {
      const admin = await as("admin@grundy-sheriff.demo");
      const before = await db().agency.findUniqueOrThrow({ where: { id: admin.agencyId } });
      const issues = await issuesOf(
        updateAgencySettings({
          actor: admin,
          input: {
            ...settings,
            phone24x7: "call us",
            email: "nope",
            languages: [],
            noticeLeadHours: "",
            ackWindowMinutes: "2",
          },
          now,
          db: db(),
        }),
      );
      expect(issues).toEqual({
        phone24x7: "errors.invalidPhone",
        email: "errors.invalidEmail",
        languages: "admin.settings.languagesRequired",
        noticeLeadHours: "errors.invalidNumber",
        ackWindowMinutes: 'errors.outOfRange::{"min":5,"max":1440}',
      });
      expect(await db().agency.findUniqueOrThrow({ where: { id: admin.agencyId } })).toEqual(before);
    });
  });

  describe("platform", () => {
    it("is for the platform admin only", async () => {
      const admin = await as("admin@cook-sheriff.demo");
      await expect(listAllAgencies({ actor: admin, db: db() })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createAgency({ actor: admin, input: agencyForm(), now, db: db() })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(await db().agency.findUnique({ where: { slug: "elmhurst-pd" } })).toBeNull();
    });

    it("registers an agency with its boundary wrapped as a MultiPolygon and its bounding box", async () => {
      const platform = await as("platform@common-ground.demo");
      const { id } = await createAgency({ actor: platform, input: agencyForm(), now, db: db() });
      const row = await db().agency.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        slug: "elmhurst-pd",
        level: "LOCAL",
        kind: "POLICE",
        active: true,
        bboxMinLon: -88.1,
        bboxMinLat: 41.9,
        bboxMaxLon: -88.0,
        bboxMaxLat: 42.0,
      });
      expect(row.boundary).toEqual({ type: "MultiPolygon", coordinates: [square.coordinates] });
      const event = await db().auditEvent.findFirstOrThrow({
        where: { action: "platform.agency.create", targetId: id },
      });
      expect(event).toMatchObject({ agencyId: id, actorUserId: platform.userId });
      expect((await listAllAgencies({ actor: platform, db: db() })).find((a) => a.id === id)).toMatchObject({
        hasBoundary: true,
        users: 0,
      });
    });

    it("edits an agency: clearing its boundary clears its bounding box", async () => {
      const platform = await as("platform@common-ground.demo");
      const { id } = await db().agency.findUniqueOrThrow({ where: { slug: "elmhurst-pd" } });
      await updateAgency({
        actor: platform,
        agencyId: id,
        input: agencyForm({ boundary: "", name: "Elmhurst Police Dept." }),
        now,
        db: db(),
      });
      expect(await db().agency.findUniqueOrThrow({ where: { id } })).toMatchObject({
        name: "Elmhurst Police Dept.",
        boundary: null,
        bboxMinLon: null,
        bboxMaxLat: null,
      });
      const edit = await getAgencyForEdit({ actor: platform, agencyId: id, db: db() });
      expect(edit.boundary).toBeNull();
      const event = await db().auditEvent.findFirstOrThrow({
        where: { action: "platform.agency.update", targetId: id },
      });
      expect((event.details as { changes: Record<string, unknown> }).changes).toMatchObject({
        name: { to: "Elmhurst Police Dept." },
        boundary: { from: "set", to: null },
      });
    });

    it("refuses malformed boundaries and a taken slug, with a message on the field", async () => {
      const platform = await as("platform@common-ground.demo");
      const create = (overrides: Record<string, unknown>) =>
        issuesOf(
          createAgency({ actor: platform, input: agencyForm({ slug: "new-agency", ...overrides }), now, db: db() }),
        );
      expect(await create({ boundary: "{ not json" })).toEqual({ boundary: "platform.boundary.invalidJson" });
      expect(await create({ boundary: JSON.stringify({ type: "Point", coordinates: [-88, 42] }) })).toEqual({
        "boundary.type": "platform.boundary.notMultiPolygon",
      });
      expect(
        await create({
          boundary: JSON.stringify({
            type: "Polygon",
            coordinates: [
              [
                [-88, 42],
                [-87, 42],
                [-87, 43],
              ],
            ],
          }),
        }),
      ).toEqual({ "boundary.coordinates.0": "platform.boundary.ringTooShort" });
      expect(
        Object.values(
          await create({
            boundary: JSON.stringify({
              type: "Polygon",
              coordinates: [
                [
                  [-88, 42],
                  [-87, 42],
                  [-87, 43],
                  [-88, 42.5],
                ],
              ],
            }),
          }),
        ),
      ).toEqual(["platform.boundary.ringNotClosed"]);
      expect(
        Object.values(
          await create({
            boundary: JSON.stringify({
              type: "Polygon",
              coordinates: [
                [
                  [-88, 42],
                  [-87, 42],
                  [-87, "x"],
                  [-88, 42],
                ],
              ],
            }),
          }),
        ),
      ).toEqual(["platform.boundary.position"]);
      expect(
        Object.values(
          await create({
            boundary: JSON.stringify({
              type: "Polygon",
              coordinates: [
                [
                  [-88, 42],
                  [-87, 142],
                  [-87, 43],
                  [-88, 42],
                ],
              ],
            }),
          }),
        ),
      ).toEqual(["platform.boundary.outOfRange"]);
      expect(
        Object.values(await create({ boundary: JSON.stringify({ type: "MultiPolygon", coordinates: "x" }) })),
      ).toEqual(["platform.boundary.shape"]);
      expect(Object.values(await create({ boundary: "42" }))).toEqual(["platform.boundary.notMultiPolygon"]);
      expect(await create({ slug: "cook-sheriff" })).toEqual({ slug: "platform.form.slugTaken" });
      expect(await create({ slug: "Bad Slug!", timeZone: "Mars/Olympus", level: "GALACTIC" })).toEqual({
        slug: "platform.form.slugFormat",
        timeZone: "errors.invalidTimeZone",
        level: "errors.required",
      });
      expect(await db().agency.findUnique({ where: { slug: "new-agency" } })).toBeNull();
    });

    it("revokes a deactivated agency's API tokens, audited, for good; other agencies' admins never see or revoke them", async () => {
      const platform = await as("platform@common-ground.demo");
      const form = { slug: "county-task-force", name: "County Task Force", shortName: "CTF" };
      const { id } = await createAgency({ actor: platform, input: agencyForm(form), now, db: db() });
      const admin = actorOf({ id, ...form }, ["AGENCY_ADMIN"]);
      const tokens = [];
      for (const [name, scopes] of [
        ["Dispatch CAD", ["file"]],
        ["Records", ["read"]],
      ] as const) {
        tokens.push(await createApiToken({ db: db(), actor: admin, input: { name, scopes }, now }));
      }
      const meta = { requestId: "deactivation-test", sourceIp: null, locale: "en" as const };
      expect(
        (await authenticateApiToken({ db: db(), authorization: `Bearer ${tokens[0].token}`, meta, now })).agencyId,
      ).toBe(id);

      // Another agency's admin sees none of them and cannot revoke them.
      const other = await as("admin@cook-sheriff.demo");
      const ids = tokens.map((t) => t.apiToken.id);
      expect((await listApiTokens({ db: db(), actor: other })).some((t) => ids.includes(t.id))).toBe(false);
      await expect(revokeApiToken({ db: db(), actor: other, tokenId: ids[0], now })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect(await db().apiToken.count({ where: { id: { in: ids }, revokedAt: null } })).toBe(2);

      await updateAgency({
        actor: platform,
        agencyId: id,
        input: agencyForm({ ...form, active: undefined }),
        now,
        db: db(),
      });
      const rows = await db().apiToken.findMany({ where: { id: { in: ids } } });
      expect(rows.map((r) => r.revokedAt?.toISOString())).toEqual([now.toISOString(), now.toISOString()]);
      const events = await db().auditEvent.findMany({
        where: { action: "api.token.revoke", targetId: { in: ids }, outcome: "SUCCESS" },
      });
      expect(events).toHaveLength(2);
      for (const e of events)
        expect(e).toMatchObject({
          agencyId: id,
          actorUserId: platform.userId,
          details: expect.objectContaining({ reason: "agencyDeactivated" }),
        });

      // Reactivating the agency does not bring them back.
      await updateAgency({ actor: platform, agencyId: id, input: agencyForm(form), now, db: db() });
      for (const { token } of tokens) {
        await expect(
          authenticateApiToken({ db: db(), authorization: `Bearer ${token}`, meta, now }),
        ).rejects.toBeInstanceOf(UnauthorizedError);
      }
      expect((await listApiTokens({ db: db(), actor: admin })).every((t) => t.revokedAt !== null)).toBe(true);
    });

    it("answers an unknown or malformed agency id with not found", async () => {
      const platform = await as("platform@common-ground.demo");
      await expect(getAgencyForEdit({ actor: platform, agencyId: "nope", db: db() })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        updateAgency({
          actor: platform,
          agencyId: "00000000-0000-4000-8000-000000000000",
          input: agencyForm(),
          now,
          db: db(),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
