// Conflicts against a real database: the queue order, the need-to-know view (the counterpart's
// type, title, notes and area never appear), per-side acknowledgment by supervisors, an outcome
// proposed by one side and confirmed by the other, and nothing at all for an agency that is not a party.
import { beforeAll, describe, expect, it } from "vitest";
import { acknowledgeConflict, getConflictForActor, listConflictsForActor } from "@/lib/conflicts/conflicts";
import { confirmConflictOutcome, proposeConflictOutcome } from "@/lib/conflicts/outcome";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { fileOperation } from "@/lib/operations/file-operation";
import { transitionOperation } from "@/lib/operations/transition-operation";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { actorOf, circle, hours, makeAgency, operationInput, type TestAgency } from "./operations-fixtures";

const now = new Date("2027-03-01T12:00:00Z");
const later = (min: number) => new Date(now.getTime() + min * 60_000);

describe("conflicts", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let fed: TestAgency;
  let city: TestAgency;
  let outsider: TestAgency;
  let conflictId: string;

  const fedInput = operationInput({
    type: "FUGITIVE_APPREHENSION",
    title: "Operation Quiet Harbor",
    notes: "Entry team staged two blocks east.",
    area: {
      kind: "POLYGON",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [-87.64, 41.89],
            [-87.63, 41.89],
            [-87.63, 41.895],
            [-87.64, 41.895],
            [-87.64, 41.89],
          ],
        ],
      },
    },
    commanderName: "SSA Holly Kwan",
    commanderPhone: "+1 312 555 0177",
    commsPlan: "FBI tactical 4; interop on ISPERN.",
    riskFlags: ["ARMED_SUBJECT_EXPECTED", "TACTICAL_TEAM"],
  });

  beforeAll(async () => {
    useTestSecrets(t().url);
    fed = await makeAgency(db(), { name: "Federal Field Office" });
    city = await makeAgency(db(), { name: "City Police Department" });
    outsider = await makeAgency(db(), { name: "Outside Agency" });
    await fileOperation({ db: db(), actor: actorOf(fed), input: fedInput, now });
    const cityOp = await fileOperation({
      db: db(),
      actor: actorOf(city),
      input: operationInput({
        title: "Parade detail",
        type: "CROWD_EVENT",
        area: circle(-87.635, 41.892, 150),
        notes: "Float staging.",
      }),
      now,
    });
    conflictId = cityOp.conflicts[0].id;
  });

  it("shows each side its own operation and only need-to-know facts of the other", async () => {
    const view = await getConflictForActor({ db: db(), actor: actorOf(city, ["LIAISON"]), conflictId });
    expect(view.own.operation.title).toBe("Parade detail");
    expect(view.facts).toMatchObject({
      severity: "HIGH",
      areasIntersect: true,
      containment: "OTHER_CONTAINS_OWN",
      overlapMinutes: 240,
    });
    expect(view.facts.where).not.toBeNull();
    expect(view.counterpart).toEqual({
      agency: expect.objectContaining({ id: fed.id, name: "Federal Field Office" }),
      commanderName: "SSA Holly Kwan",
      commanderPhone: "+1 312 555 0177",
      commsPlan: "FBI tactical 4; interop on ISPERN.",
      radioChannel: "Citywide 2",
      talkgroup: null,
      interopChannel: "ISPERN",
      acknowledged: null,
    });
    const json = JSON.stringify(view);
    for (const secret of [
      "Operation Quiet Harbor",
      "FUGITIVE_APPREHENSION",
      "Entry team",
      "ARMED_SUBJECT_EXPECTED",
      "-87.64",
      "41.895",
    ]) {
      expect(json).not.toContain(secret);
    }
    const other = await getConflictForActor({ db: db(), actor: actorOf(fed, ["AUDITOR"]), conflictId });
    expect(other.own.operation.title).toBe("Operation Quiet Harbor");
    expect(other.facts.containment).toBe("OWN_CONTAINS_OTHER");
    expect(JSON.stringify(other)).not.toContain("Parade detail");
    expect(JSON.stringify(other)).not.toContain("Float staging");
  });

  it("is not there at all for an agency that is not a party", async () => {
    const stranger = actorOf(outsider, ["SUPERVISOR", "CHIEF"]);
    await expect(getConflictForActor({ db: db(), actor: stranger, conflictId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeConflict({ db: db(), actor: stranger, conflictId, now })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      proposeConflictOutcome({
        db: db(),
        actor: stranger,
        conflictId,
        input: { outcome: "NOT_A_CONFLICT", note: "Not ours" },
        now,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listConflictsForActor({ db: db(), actor: stranger })).items).toEqual([]);
    const row = await db().conflict.findUniqueOrThrow({ where: { id: conflictId } });
    expect(row).toMatchObject({ status: "OPEN", ackAAt: null, ackBAt: null, outcome: null });
    const refusals = await db().auditEvent.findMany({
      where: { agencyId: outsider.id, outcome: "DENIED" },
      select: { action: true, targetId: true },
    });
    expect(refusals.map((r) => r.action).sort()).toEqual(["conflict.acknowledge", "conflict.propose"]);
    expect(refusals.every((r) => r.targetId === conflictId)).toBe(true);
  });

  it("lets only supervisors and chiefs acknowledge, once per side, audited", async () => {
    await expect(
      acknowledgeConflict({ db: db(), actor: actorOf(city, ["LIAISON"]), conflictId, now }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const sup = actorOf(city, ["SUPERVISOR"]);
    const first = await acknowledgeConflict({ db: db(), actor: sup, conflictId, now: later(5) });
    expect(first.own.acknowledged).toEqual({ at: later(5), byId: sup.userId, byName: "Test User" });
    expect(first.counterpart.acknowledged).toBeNull();
    const again = await acknowledgeConflict({ db: db(), actor: actorOf(city, ["CHIEF"]), conflictId, now: later(9) });
    expect(again.own.acknowledged?.at).toEqual(later(5));
    const fedView = await acknowledgeConflict({ db: db(), actor: actorOf(fed, ["CHIEF"]), conflictId, now: later(12) });
    expect(fedView.own.acknowledged?.at).toEqual(later(12));
    expect(fedView.counterpart.acknowledged).toEqual({ at: later(5), byName: "Test User" });
    expect(
      await db().auditEvent.count({
        where: { action: "conflict.acknowledge", targetId: conflictId, outcome: "SUCCESS" },
      }),
    ).toBe(2);
  });

  it("records the outcome one side proposes once the other confirms it", async () => {
    await expect(
      proposeConflictOutcome({
        db: db(),
        actor: actorOf(fed, ["SUPERVISOR"]),
        conflictId,
        input: { outcome: "MAYBE", note: "x" },
        now,
      }),
    ).rejects.toMatchObject({ name: "ZodError" });
    const proposed = await proposeConflictOutcome({
      db: db(),
      actor: actorOf(fed, ["SUPERVISOR"]),
      conflictId,
      input: { outcome: "JOINT_OPERATION", note: "City holds the perimeter; one command post." },
      now: later(20),
    });
    expect(proposed.status).toBe("OPEN");
    const resolved = await confirmConflictOutcome({
      db: db(),
      actor: actorOf(city, ["CHIEF"]),
      conflictId,
      now: later(21),
    });
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.outcome).toMatchObject({ outcome: "JOINT_OPERATION", byOwnSide: true });
    const fedView = await getConflictForActor({ db: db(), actor: actorOf(fed), conflictId });
    expect(fedView.outcome).toMatchObject({
      outcome: "JOINT_OPERATION",
      note: "City holds the perimeter; one command post.",
      byOwnSide: false,
    });
    await expect(
      proposeConflictOutcome({
        db: db(),
        actor: actorOf(city, ["CHIEF"]),
        conflictId,
        input: { outcome: "RESCHEDULED", note: "Moved it" },
        now,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "conflict.propose", targetId: conflictId, outcome: "SUCCESS" },
    });
    expect(event).toMatchObject({ agencyId: fed.id, outcome: "SUCCESS" });
  });

  it("orders the queue OPEN first, then most severe, then newest, and filters by status", async () => {
    const a = await fileOperation({
      db: db(),
      actor: actorOf(city),
      input: operationInput({ area: circle(-88.2, 41.7, 100), riskFlags: [] }),
      now: later(30),
    });
    // Near but apart, hours apart: LOW.
    await fileOperation({
      db: db(),
      actor: actorOf(fed),
      input: operationInput({
        area: circle(-88.2055, 41.7, 100),
        riskFlags: [],
        startsAt: hours(4.5).toISOString(),
        endsAt: hours(6).toISOString(),
      }),
      now: later(31),
    });
    // Overlapping, no flags: MEDIUM, detected later.
    await fileOperation({
      db: db(),
      actor: actorOf(fed),
      input: operationInput({ area: circle(-88.2, 41.7, 100), riskFlags: [] }),
      now: later(32),
    });
    const queue = await listConflictsForActor({ db: db(), actor: actorOf(city, ["SUPERVISOR"]) });
    expect(queue.items.map((c) => [c.status, c.facts.severity])).toEqual([
      ["OPEN", "MEDIUM"],
      ["OPEN", "LOW"],
      ["RESOLVED", "HIGH"],
    ]);
    expect(queue.items[0].ownOperation.id).toBe(a.operation.id);
    expect(queue.items[0].counterpartAgency.name).toBe("Federal Field Office");
    const open = await listConflictsForActor({ db: db(), actor: actorOf(city), input: { status: "OPEN" } });
    expect(open.total).toBe(2);
    const forOne = await listConflictsForActor({
      db: db(),
      actor: actorOf(city),
      input: { operationId: a.operation.id },
    });
    expect(forOne.total).toBe(2);
  });

  it("cannot be acknowledged once closed", async () => {
    const x = await fileOperation({
      db: db(),
      actor: actorOf(city),
      input: operationInput({ area: circle(-89.5, 40.1, 100) }),
      now,
    });
    const y = await fileOperation({
      db: db(),
      actor: actorOf(fed),
      input: operationInput({ area: circle(-89.5, 40.1, 100) }),
      now,
    });
    await transitionOperation({
      db: db(),
      actor: actorOf(city),
      operationId: x.operation.id,
      input: { transition: "CANCEL" },
      now,
    });
    await expect(
      acknowledgeConflict({ db: db(), actor: actorOf(fed, ["SUPERVISOR"]), conflictId: y.conflicts[0].id, now }),
    ).rejects.toBeInstanceOf(ConflictError);
    const view = await getConflictForActor({ db: db(), actor: actorOf(fed), conflictId: y.conflicts[0].id });
    expect(view.closed).toMatchObject({ reason: "OPERATION_CANCELLED" });
  });
});
