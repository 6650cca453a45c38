// Filing, editing and the lifecycle of operations against a real database: the check runs inside
// the filing, edits re-run it (new conflicts appear, moved-away ones close), cancelling closes
// open conflicts, drafts stay out of it, and every change leaves history and an audit event.
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { updateAgencySettings } from "@/lib/agencies/agency-settings";
import type { Area } from "@/lib/deconfliction/types";
import { runPreviewCheck } from "@/lib/operations/check";
import { dryRunCheck } from "@/lib/operations/dry-run";
import { fileOperation } from "@/lib/operations/file-operation";
import { getOwnOperation, listOwnOperations } from "@/lib/operations/read-operations";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { updateOperation } from "@/lib/operations/update-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, hours, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

const now = new Date("2027-03-01T12:00:00Z");

describe("operations", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let north: TestAgency;
  let south: TestAgency;

  beforeAll(async () => {
    useTestSecrets(t().url);
    north = await makeAgency(db(), { name: "North Police Department" });
    south = await makeAgency(db(), { name: "South County Sheriff" });
  });

  /** The engine's distances for a check by `agency`: what a dry run no longer tells about another agency's operation. */
  const engineDistances = async (
    agency: TestAgency,
    probe: { area: ReturnType<typeof circle>; startsAt: Date; endsAt: Date },
  ) =>
    (
      await runPreviewCheck(db(), {
        id: "00000000-0000-0000-0000-000000000000",
        agencyId: agency.id,
        area: probe.area as Area,
        startsAt: probe.startsAt,
        endsAt: probe.endsAt,
        riskFlags: [],
      })
    ).conflicts.map((c) => c.minDistanceM);

  const conflictsOf = (operationId: string) =>
    db().conflict.findMany({
      where: { OR: [{ opAId: operationId }, { opBId: operationId }] },
      orderBy: { detectedAt: "asc" },
    });

  it("files an operation with its history and an audit event", async () => {
    const actor = actorOf(north);
    const { operation, conflicts } = await fileOperation({ db: db(), actor, input: operationInput(), now });
    expect(conflicts).toEqual([]);
    expect(operation).toMatchObject({
      agencyId: north.id,
      status: "PLANNED",
      version: 1,
      title: "Warehouse search, north side",
      talkgroup: null,
    });
    expect(operation.ref).toMatch(/^OP-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const changes = await db().operationChange.findMany({ where: { operationId: operation.id } });
    expect(changes.map((c) => c.kinds)).toEqual([["CREATE"]]);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "operation.file", targetId: operation.id },
    });
    expect(event).toMatchObject({ outcome: "SUCCESS", agencyId: north.id, actorUserId: actor.userId });
    const [keys] = await db().$queryRaw<{ hasBox: boolean; hasRange: boolean }[]>`
      SELECT "searchBox" IS NOT NULL AS "hasBox", "searchRange" IS NOT NULL AS "hasRange" FROM "Operation" WHERE "id" = ${operation.id}::uuid`;
    expect(keys).toEqual({ hasBox: true, hasRange: true });
  });

  it("records a conflict when a second agency files nearby at the same time, for both sides", async () => {
    const a = await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(-87.7, 41.85, 200) }),
      now,
    });
    const b = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({
        area: circle(-87.7, 41.8535, 150),
        startsAt: hours(2).toISOString(),
        endsAt: hours(6).toISOString(),
      }),
      now,
    });
    expect(b.conflicts).toHaveLength(1);
    const [row] = await conflictsOf(b.operation.id);
    expect(row.opAId < row.opBId).toBe(true);
    expect([row.opAId, row.opBId].sort()).toEqual([a.operation.id, b.operation.id].sort());
    expect(row).toMatchObject({ status: "OPEN", areasIntersect: false, severity: "MEDIUM", overlapMinutes: 120 });
    // About 390 m between centres, minus both radii: a gap of about 40 m, inside the 500 m buffer.
    expect(row.minDistanceM).toBeGreaterThan(20);
    expect(row.minDistanceM).toBeLessThan(60);
    expect(row.whereLat).toBeCloseTo(41.852, 2);
    expect((await conflictsOf(a.operation.id)).map((c) => c.id)).toEqual([row.id]);
  });

  it("does not check drafts, and checks them once planned", async () => {
    const a = await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(-87.6, 41.75, 300) }),
      now,
    });
    const draft = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(-87.6, 41.75, 300), status: "DRAFT" }),
      now,
    });
    expect(draft.conflicts).toEqual([]);
    // Another filing next to the draft does not see it either.
    const c = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(-87.6005, 41.7502, 100), title: "Third" }),
      now,
    });
    expect(c.conflicts.map((x) => [x.opAId, x.opBId].includes(draft.operation.id))).toEqual([false]);
    const planned = await transitionOperation({
      db: db(),
      actor: actorOf(south),
      operationId: draft.operation.id,
      input: { transition: "PLAN" },
      now,
    });
    expect(planned.operation.status).toBe("PLANNED");
    const pairs = (await conflictsOf(draft.operation.id))
      .map((r) => (r.opAId === draft.operation.id ? r.opBId : r.opAId))
      .sort();
    expect(pairs).toEqual([a.operation.id, c.operation.id].sort());
  });

  it("re-runs the check on edit: a new conflict appears, and moving away closes it", async () => {
    const a = await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(-88.0, 42.0, 250) }),
      now,
    });
    const southActor = actorOf(south);
    const b = await fileOperation({
      db: db(),
      actor: southActor,
      input: operationInput({ area: circle(-88.05, 42.0, 250) }),
      now,
    });
    expect(b.conflicts).toEqual([]);

    const moved = await updateOperation({
      db: db(),
      actor: southActor,
      operationId: b.operation.id,
      input: { version: 1, area: circle(-88.001, 42.0, 250) },
      now,
    });
    expect(moved.kinds).toEqual(["MOVE"]);
    expect(moved.conflicts.map((c) => c.change)).toEqual(["NEW"]);
    const [open] = await conflictsOf(b.operation.id);
    expect(open).toMatchObject({ status: "OPEN", areasIntersect: true });
    expect([open.opAId, open.opBId]).toContain(a.operation.id);

    const later = await updateOperation({
      db: db(),
      actor: southActor,
      operationId: b.operation.id,
      input: { version: 2, startsAt: hours(30).toISOString(), endsAt: hours(40).toISOString() },
      now,
    });
    expect(later.kinds).toEqual(["RESCHEDULE", "EXTEND"]);
    expect(later.closed.map((c) => c.id)).toEqual([open.id]);
    const closed = await db().conflict.findUniqueOrThrow({ where: { id: open.id } });
    expect(closed).toMatchObject({ status: "CLOSED", closedReason: "NO_LONGER_OVERLAPS" });

    // Back again: the same pair opens again rather than duplicating.
    const back = await updateOperation({
      db: db(),
      actor: southActor,
      operationId: b.operation.id,
      input: { version: 3, startsAt: hours(1).toISOString(), endsAt: hours(5).toISOString() },
      now,
    });
    expect(back.conflicts.map((c) => [c.id, c.change])).toEqual([[open.id, "REOPENED"]]);
    expect((await conflictsOf(b.operation.id)).map((c) => c.status)).toEqual(["OPEN"]);

    const history = await db().operationChange.findMany({
      where: { operationId: b.operation.id },
      orderBy: { at: "asc" },
    });
    expect(history.map((h) => h.kinds)).toEqual([
      ["CREATE"],
      ["MOVE"],
      ["RESCHEDULE", "EXTEND"],
      ["RESCHEDULE", "EXTEND"],
    ]);
    expect(history[1].before).toEqual({ area: circle(-88.05, 42.0, 250) });
    const events = await db().auditEvent.count({ where: { action: "operation.update", targetId: b.operation.id } });
    expect(events).toBe(3);
  });

  it("refuses a stale edit and an edit that breaks the window rules", async () => {
    const actor = actorOf(north);
    const { operation } = await fileOperation({
      db: db(),
      actor,
      input: operationInput({ area: circle(-89, 40, 100) }),
      now,
    });
    await updateOperation({
      db: db(),
      actor,
      operationId: operation.id,
      input: { version: 1, title: "Renamed search" },
      now,
    });
    await expect(
      updateOperation({ db: db(), actor, operationId: operation.id, input: { version: 1, title: "Too late" }, now }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      updateOperation({
        db: db(),
        actor,
        operationId: operation.id,
        input: { version: 2, endsAt: hours(-1).toISOString() },
        now,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const row = await db().operation.findUniqueOrThrow({ where: { id: operation.id } });
    expect(row).toMatchObject({ title: "Renamed search", version: 2 });
  });

  it("cancelling closes the operation's open conflicts and takes it out of the search", async () => {
    const a = await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(-87.9, 41.6, 300) }),
      now,
    });
    const b = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(-87.9, 41.6, 300) }),
      now,
    });
    expect(b.conflicts).toHaveLength(1);
    const cancelled = await transitionOperation({
      db: db(),
      actor: actorOf(north),
      operationId: a.operation.id,
      input: { transition: "CANCEL", reason: "Subject moved" },
      now,
    });
    expect(cancelled.closed.map((c) => c.id)).toEqual([b.conflicts[0].id]);
    const row = await db().conflict.findUniqueOrThrow({ where: { id: b.conflicts[0].id } });
    expect(row).toMatchObject({ status: "CLOSED", closedReason: "OPERATION_CANCELLED" });
    const c = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(-87.9, 41.6, 300), title: "After" }),
      now,
    });
    expect(c.conflicts.map((x) => [x.opAId, x.opBId].includes(a.operation.id))).toEqual([false]);
    await expect(
      transitionOperation({
        db: db(),
        actor: actorOf(north),
        operationId: a.operation.id,
        input: { transition: "ACTIVATE" },
        now,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      updateOperation({
        db: db(),
        actor: actorOf(north),
        operationId: a.operation.id,
        input: { version: 2, title: "Nope nope" },
        now,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps each agency to its own operations and auditors read-only", async () => {
    const { operation } = await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(-90, 39, 100) }),
      now,
    });
    await expect(
      getOwnOperation({ db: db(), actor: actorOf(south), operationId: operation.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateOperation({
        db: db(),
        actor: actorOf(south),
        operationId: operation.id,
        input: { version: 1, title: "Hijacked" },
        now,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      transitionOperation({
        db: db(),
        actor: actorOf(south),
        operationId: operation.id,
        input: { transition: "CANCEL" },
        now,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const auditor = actorOf(north, ["AUDITOR"]);
    expect((await getOwnOperation({ db: db(), actor: auditor, operationId: operation.id })).id).toBe(operation.id);
    await expect(fileOperation({ db: db(), actor: auditor, input: operationInput(), now })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      getOwnOperation({ db: db(), actor: actorOf(north), operationId: "not-a-uuid" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const page = await listOwnOperations({ db: db(), actor: auditor, input: { pageSize: 2 } });
    expect(page.items.every((o) => o.agencyId === north.id)).toBe(true);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
  });

  it("dry-runs a check without storing anything, naming only the counterpart agency", async () => {
    await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(-91, 38, 300), title: "Secret title" }),
      now,
    });
    const before = await db().operation.count();
    const result = await dryRunCheck({
      db: db(),
      actor: actorOf(south),
      input: { area: circle(-91.001, 38, 300), startsAt: hours(1).toISOString(), endsAt: hours(2).toISOString() },
      now,
    });
    expect(await db().operation.count()).toBe(before);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ scope: "OTHER_AGENCY", agency: { name: "North Police Department" } });
    expect(JSON.stringify(result)).not.toContain("Secret title");
  });

  it("finds conflicts across the antimeridian and near the pole", async () => {
    // Near Adak, Alaska: one circle just west of 180°, another just east, about 690 m apart.
    await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(179.995, 51.88, 300) }),
      now,
    });
    const across = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(-179.995, 51.88, 300) }),
      now,
    });
    expect(across.conflicts).toHaveLength(1);
    // A 5 km buffer on one side only: the boxes meet only once one is shifted a full turn.
    const wideAgency = await makeAgency(db(), { name: "Aleutians Task Force", proximityBufferM: 5_000 });
    await fileOperation({
      db: db(),
      actor: actorOf(wideAgency),
      input: operationInput({ area: circle(179.985, 52.5, 100) }),
      now,
    });
    const shifted = await dryRunCheck({
      db: db(),
      actor: actorOf(south),
      input: { area: circle(-179.985, 52.5, 100), startsAt: hours(1).toISOString(), endsAt: hours(2).toISOString() },
      now,
    });
    expect(shifted.conflicts.map((c) => c.agency.name)).toEqual(["Aleutians Task Force"]);
    // A dry run does not say how far away another agency's operation is; the engine does.
    expect(
      (await engineDistances(south, { area: circle(-179.985, 52.5, 100), startsAt: hours(1), endsAt: hours(2) }))[0],
    ).toBeGreaterThan(1_500);
    // A polygon that itself crosses the antimeridian, against a circle inside it.
    const strip = {
      kind: "POLYGON",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [179.9, -16.5],
            [-179.9, -16.5],
            [-179.9, -16.4],
            [179.9, -16.4],
            [179.9, -16.5],
          ],
        ],
      },
    };
    await fileOperation({ db: db(), actor: actorOf(north), input: operationInput({ area: strip }), now });
    const inside = await dryRunCheck({
      db: db(),
      actor: actorOf(south),
      input: { area: circle(-179.95, -16.45, 100), startsAt: hours(1).toISOString(), endsAt: hours(2).toISOString() },
      now,
    });
    expect(inside.conflicts).toHaveLength(1);
    const [engine] = (
      await runPreviewCheck(db(), {
        id: "00000000-0000-0000-0000-000000000000",
        agencyId: south.id,
        area: circle(-179.95, -16.45, 100) as Area,
        startsAt: hours(1),
        endsAt: hours(2),
        riskFlags: [],
      })
    ).conflicts;
    expect(engine).toMatchObject({ areasIntersect: true, containment: "B_CONTAINS_A" });
    // Near the North Pole, on opposite meridians: about 670 m apart across the pole.
    await fileOperation({
      db: db(),
      actor: actorOf(north),
      input: operationInput({ area: circle(0, 89.997, 300) }),
      now,
    });
    const polar = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(180, 89.997, 300) }),
      now,
    });
    expect(polar.conflicts).toHaveLength(1);
    const far = await fileOperation({
      db: db(),
      actor: actorOf(south),
      input: operationInput({ area: circle(90, 89.9, 300) }),
      now,
    });
    expect(far.conflicts).toEqual([]);
  });

  it("finds an agency's operations with its new buffer once the agency widens it", async () => {
    const wide = await makeAgency(db(), { name: "Wide Buffer Sheriff" });
    const { operation } = await fileOperation({
      db: db(),
      actor: actorOf(wide),
      input: operationInput({ area: circle(-92, 37, 100) }),
      now,
    });
    // About 3 km away: outside both 500 m buffers.
    const probe = { area: circle(-92, 37.028, 100), startsAt: hours(1).toISOString(), endsAt: hours(2).toISOString() };
    expect((await dryRunCheck({ db: db(), actor: actorOf(north), input: probe, now })).conflicts).toEqual([]);
    const admin = { ...actorOf(wide, ["AGENCY_ADMIN"]), kind: "USER" as const };
    const settings = {
      phone24x7: "+1 312 555 0100",
      languages: ["en"],
      noticeLeadHours: 24,
      proximityBufferM: 5_000,
      timeBufferMinutes: 60,
      ackWindowMinutes: 30,
    };
    await updateAgencySettings({ db: db(), actor: admin, input: settings, now });
    const found = await dryRunCheck({ db: db(), actor: actorOf(north), input: probe, now });
    expect(found.conflicts.map((c) => c.agency.name)).toEqual(["Wide Buffer Sheriff"]);
    expect(
      (await engineDistances(north, { area: circle(-92, 37.028, 100), startsAt: hours(1), endsAt: hours(2) }))[0],
    ).toBeGreaterThan(2_500);
    expect(operation.status).toBe("PLANNED");
  });

  it("keeps the audit chain intact", async () => {
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
