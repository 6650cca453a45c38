// An agency's request rules and who decides, at the domain level the admin and chief pages' actions
// call: a preset is previewed, adopted once (adopting again adds nothing twice), a rule edited
// (audited before and after) and retired (it stops applying; a decision that relied on it still
// names it) and restored; a chief designates a supervisor who can then decide, and removing the
// designation removes the ability. Another agency's admin or chief sees and changes none of it;
// a liaison or supervisor cannot touch the rules. Every change and every refusal is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { canDecide } from "@/lib/requests/access";
import { designateCommand, listCommand } from "@/lib/requests/command-designations";
import { logRequest } from "@/lib/requests/create-request";
import { decideRequest } from "@/lib/requests/decide-request";
import {
  adoptPreset,
  createRule,
  getRule,
  listRules,
  previewPreset,
  setRuleActive,
  updateRule,
} from "@/lib/requests/manage-rules";
import { getRequest, listQueue } from "@/lib/requests/read-requests";
import { useTestSecrets } from "./helpers/actors";
import { useFreshDb } from "./helpers/db";
import { seededWorld, T0 } from "./notices-fixtures";

const DETAINER_RULE = "Detainers are honoured only with a judicial warrant";
const RELEASE_RULE = "Release dates are not shared for civil immigration matters";

describe("request rules and command designations", () => {
  const t = useFreshDb();
  const db = () => t().db;
  let w: Awaited<ReturnType<typeof seededWorld>>;
  let cook: string;
  const admin = () => w.as("admin@cook-sheriff.demo");
  const logged = async (kind: string, basisDocument = "I247A_DETAINER") =>
    (
      await logRequest({
        db: db(),
        actor: await w.as("liaison@cook-sheriff.demo"),
        input: {
          kind,
          channel: "FAX",
          receivedAt: T0.toISOString(),
          basisDocument,
          basisSignedByJudge: false,
          offenceCategory: "CIVIL_IMMIGRATION_ONLY",
          requesterName: "ICE ERO Chicago",
        },
        now: T0,
      })
    ).id;

  beforeAll(async () => {
    useTestSecrets(t().url);
    w = await seededWorld(db());
    cook = w.id("cook-sheriff");
  });

  it("shows what a preset would add, adopts it once, and adopting again adds nothing twice", async () => {
    const preview = await previewPreset({ db: db(), actor: await admin(), presetKey: "caSb54" });
    expect(preview.add.map((r) => r.title)).toContain(DETAINER_RULE);
    expect([preview.add.length, preview.present.length]).toEqual([6, 0]);
    expect(await db().requestRule.count({ where: { agencyId: cook } })).toBe(0); // a preview changes nothing

    const first = await adoptPreset({ db: db(), actor: await admin(), presetKey: "caSb54", now: T0 });
    expect(first.ids).toHaveLength(6);
    const again = await adoptPreset({ db: db(), actor: await admin(), presetKey: "caSb54", now: T0 });
    expect(again).toEqual({ ids: [], alreadyPresent: 6 });
    expect(await db().requestRule.count({ where: { agencyId: cook } })).toBe(6);
    const after = await previewPreset({ db: db(), actor: await admin(), presetKey: "caSb54" });
    expect([after.add.length, after.present.length]).toEqual([0, 6]);

    const events = await db().auditEvent.findMany({
      where: { action: "request.rule.preset", agencyId: cook },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => (e.details as { rules: number }).rules)).toEqual([6, 0]);
  });

  it("edits a rule's citation (audited before and after), retires another: a request shows the edited rule and not the retired one", async () => {
    const rules = await listRules({ db: db(), actor: await admin() });
    const detainer = rules.find((r) => r.title === DETAINER_RULE)!;
    const release = rules.find((r) => r.title === RELEASE_RULE)!;
    const citation = "Cal. Gov. Code § 7284.6(a)(1)(A), as amended 2027";
    const { title, kinds, condition, directive, source } = detainer;
    const edit = await updateRule({
      db: db(),
      actor: await admin(),
      ruleId: detainer.id,
      input: { title, kinds, condition, directive, source, citation },
      now: T0,
    });
    expect(edit.changed).toEqual(["citation"]);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "request.rule.update", targetId: detainer.id },
    });
    expect(audit.details).toEqual({
      fields: ["citation"],
      changes: { citation: { from: detainer.citation, to: citation } },
    });

    await setRuleActive({ db: db(), actor: await admin(), ruleId: release.id, input: { active: false }, now: T0 });
    expect(
      await db().auditEvent.count({
        where: { action: "request.rule.retire", targetId: release.id, outcome: "SUCCESS" },
      }),
    ).toBe(1);
    // Retiring twice changes nothing and records nothing more.
    expect(
      (await setRuleActive({ db: db(), actor: await admin(), ruleId: release.id, input: { active: false }, now: T0 }))
        .changed,
    ).toBe(false);

    const chief = await w.as("chief@cook-sheriff.demo");
    const detainerReq = await getRequest({ db: db(), actor: chief, requestId: await logged("DETAINER") });
    expect(detainerReq.rules.map((r) => [r.title, r.citation])).toEqual([[DETAINER_RULE, citation]]);
    const releaseId = await logged("RELEASE_NOTIFICATION", "NONE");
    expect((await getRequest({ db: db(), actor: chief, requestId: releaseId })).rules).toEqual([]);
    expect((await listQueue({ db: db(), actor: chief })).find((q) => q.id === releaseId)!.rules).toEqual([]);
    // Kept, not deleted; restoring makes it apply again.
    expect((await listRules({ db: db(), actor: chief })).find((r) => r.id === release.id)?.active).toBe(false);
    await setRuleActive({ db: db(), actor: await admin(), ruleId: release.id, input: { active: true }, now: T0 });
    expect((await getRequest({ db: db(), actor: chief, requestId: releaseId })).rules.map((r) => r.title)).toEqual([
      RELEASE_RULE,
    ]);
    // Adopting the preset again does not bring back a second copy of a rule that was retired.
    await setRuleActive({ db: db(), actor: await admin(), ruleId: release.id, input: { active: false }, now: T0 });
    expect((await adoptPreset({ db: db(), actor: await admin(), presetKey: "caSb54", now: T0 })).ids).toEqual([]);
    expect(await db().requestRule.count({ where: { agencyId: cook, title: RELEASE_RULE } })).toBe(1);
  });

  it("a decision names the rule it relied on even after that rule is retired", async () => {
    const rule = (await listRules({ db: db(), actor: await admin() })).find((r) => r.title === DETAINER_RULE)!;
    const id = await logged("DETAINER");
    await decideRequest({
      db: db(),
      actor: await w.as("chief@cook-sheriff.demo"),
      requestId: id,
      input: { decision: "DECLINED", ruleId: rule.id, reason: "No judicial warrant." },
      now: T0,
    });
    await setRuleActive({ db: db(), actor: await admin(), ruleId: rule.id, input: { active: false }, now: T0 });
    const d = await getRequest({ db: db(), actor: await w.as("auditor@cook-sheriff.demo"), requestId: id });
    expect(d.request.decisionRule?.title).toBe(DETAINER_RULE);
    await setRuleActive({ db: db(), actor: await admin(), ruleId: rule.id, input: { active: true }, now: T0 });
  });

  it("rule input is checked field by field", async () => {
    const e = await createRule({
      db: db(),
      actor: await admin(),
      input: { title: " ", kinds: [], condition: "SOMETIMES", directive: "COMPLY", source: "STATE_LAW", citation: "" },
      now: T0,
    }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path).sort()).toEqual([
      "citation",
      "condition",
      "kinds",
      "title",
    ]);
  });

  it("another agency's admin neither sees nor changes these rules; liaisons and supervisors cannot change them; the chief only reads", async () => {
    const rule = (await listRules({ db: db(), actor: await admin() }))[0];
    const input = {
      title: "x",
      kinds: ["DETAINER"],
      condition: "ALWAYS",
      directive: "COMPLY",
      source: "STATE_LAW",
      citation: "y",
    };
    const will = await w.as("admin@will-sheriff.demo");
    expect((await listRules({ db: db(), actor: will })).some((r) => r.agencyId === cook)).toBe(false);
    await expect(getRule({ db: db(), actor: will, ruleId: rule.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRule({ db: db(), actor: will, ruleId: rule.id, input, now: T0 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      setRuleActive({ db: db(), actor: will, ruleId: rule.id, input: { active: false }, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await db().auditEvent.count({ where: { action: "request.rule.update", targetId: rule.id, outcome: "DENIED" } }),
    ).toBe(1);

    for (const email of [
      "liaison@cook-sheriff.demo",
      "supervisor@cook-sheriff.demo",
      "chief@cook-sheriff.demo",
      "auditor@cook-sheriff.demo",
    ]) {
      const actor = await w.as(email);
      await expect(updateRule({ db: db(), actor, ruleId: rule.id, input, now: T0 }), email).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        setRuleActive({ db: db(), actor, ruleId: rule.id, input: { active: false }, now: T0 }),
        email,
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createRule({ db: db(), actor, input, now: T0 }), email).rejects.toBeInstanceOf(ForbiddenError);
      await expect(adoptPreset({ db: db(), actor, presetKey: "ilTrustAct", now: T0 }), email).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    // The rules page: its keepers and the chief read it; a liaison or supervisor does not.
    expect((await listRules({ db: db(), actor: await w.as("chief@cook-sheriff.demo") })).length).toBe(6);
    await expect(listRules({ db: db(), actor: await w.as("liaison@cook-sheriff.demo") })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      getRule({ db: db(), actor: await w.as("supervisor@cook-sheriff.demo"), ruleId: rule.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().requestRule.findUniqueOrThrow({ where: { id: rule.id } })).title).toBe(rule.title);
  });

  it("a chief designates a supervisor, who can then decide; removing the designation removes the ability", async () => {
    const chief = await w.as("chief@cook-sheriff.demo");
    const supervisor = await w.as("supervisor@cook-sheriff.demo");
    const id = await logged("DETAINER");
    const input = { decision: "DECLINED", basis: "Cal. Gov. Code § 7284.6", reason: "No judicial warrant presented." };
    expect(await canDecide(db(), supervisor)).toBe(false);
    expect((await getRequest({ db: db(), actor: supervisor, requestId: id })).canDecide).toBe(false);

    await designateCommand({ db: db(), actor: chief, input: { userId: supervisor.userId, designate: true }, now: T0 });
    const listed = await listCommand({ db: db(), actor: chief });
    expect(listed.people.find((p) => p.id === supervisor.userId)?.designatedAt).not.toBeNull();
    expect((await getRequest({ db: db(), actor: supervisor, requestId: id })).canDecide).toBe(true);

    await designateCommand({ db: db(), actor: chief, input: { userId: supervisor.userId, designate: false }, now: T0 });
    await expect(decideRequest({ db: db(), actor: supervisor, requestId: id, input, now: T0 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await getRequest({ db: db(), actor: supervisor, requestId: id })).canDecide).toBe(false);

    await designateCommand({ db: db(), actor: chief, input: { userId: supervisor.userId, designate: true }, now: T0 });
    expect((await decideRequest({ db: db(), actor: supervisor, requestId: id, input, now: T0 })).decision).toBe(
      "DECLINED",
    );
    const trail = await db().auditEvent.findMany({
      where: {
        targetId: supervisor.userId,
        action: { in: ["request.command.designate", "request.command.revoke"] },
        outcome: "SUCCESS",
      },
      orderBy: { seq: "asc" },
    });
    expect(trail.map((e) => [e.action, e.actorUserId])).toEqual([
      ["request.command.designate", chief.userId],
      ["request.command.revoke", chief.userId],
      ["request.command.designate", chief.userId],
    ]);
  });

  it("designations stay within the chief's agency and its supervisors and liaisons; only chiefs designate", async () => {
    const supervisor = await w.as("supervisor@cook-sheriff.demo");
    const willChief = await w.as("chief@will-sheriff.demo");
    await expect(
      designateCommand({ db: db(), actor: willChief, input: { userId: supervisor.userId, designate: false }, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const willView = await listCommand({ db: db(), actor: willChief });
    expect([...willView.chiefs, ...willView.people].some((p) => p.id === supervisor.userId)).toBe(false);
    expect(await canDecide(db(), supervisor)).toBe(true); // still designated by their own chief
    expect(
      await db().auditEvent.count({
        where: { action: "request.command.revoke", targetId: supervisor.userId, outcome: "DENIED" },
      }),
    ).toBe(1);

    for (const email of ["admin@cook-sheriff.demo", "supervisor@cook-sheriff.demo", "liaison@cook-sheriff.demo"]) {
      const actor = await w.as(email);
      await expect(
        designateCommand({ db: db(), actor, input: { userId: supervisor.userId, designate: false }, now: T0 }),
        email,
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listCommand({ db: db(), actor }), email).rejects.toBeInstanceOf(ForbiddenError);
    }
    const auditor = await w.as("auditor@cook-sheriff.demo");
    const chief = await w.as("chief@cook-sheriff.demo");
    const e = await designateCommand({
      db: db(),
      actor: chief,
      input: { userId: auditor.userId, designate: true },
      now: T0,
    }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path)).toEqual(["userId"]);
    expect(await db().requestCommandDesignation.count({ where: { userId: auditor.userId! } })).toBe(0);
    await expect(
      designateCommand({ db: db(), actor: chief, input: { userId: "nobody", designate: true }, now: T0 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
