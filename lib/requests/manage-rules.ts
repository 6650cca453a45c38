// An agency's admin keeps its request policy: adopting a preset (its rules copied in, titled in
// the admin's language, then editable — adopting it again adds only the rules not yet there),
// adding and editing rules, retiring and restoring them. A rule is never deleted: past decisions
// name the rule they relied on. Every change is audited in its transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { RequestRule } from "../db/generated/client";
import { diff } from "../agencies/agency-settings";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { catalog } from "../i18n/catalog";
import { createTranslator } from "../i18n/translate";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { ruleSchema, ruleStatusSchema, type RuleInput } from "../validation/request";
import { presetByKey, presetRuleTitleKey, type PresetRule } from "./presets";
import { REQUEST_AUDIT, REQUEST_RULE_ROLES } from "./roles";

/** Who may read the policy page: its keepers, and the chief who decides under it. */
export const RULE_READING_ROLES = [...REQUEST_RULE_ROLES, "CHIEF"] as const;

const EDITABLE = ["title", "kinds", "condition", "directive", "source", "citation"] as const;

export async function listRules(args: { db: Db; actor: Actor }) {
  authorize(args.actor, { roles: [...RULE_READING_ROLES], agencyId: args.actor.agencyId });
  return args.db.requestRule.findMany({ where: { agencyId: args.actor.agencyId }, orderBy: { createdAt: "asc" } });
}

export async function getRule(args: { db: Db; actor: Actor; ruleId: string }): Promise<RequestRule> {
  authorize(args.actor, { roles: [...RULE_READING_ROLES], agencyId: args.actor.agencyId });
  if (!isId(args.ruleId)) throw new NotFoundError();
  const rule = await args.db.requestRule.findFirst({ where: { id: args.ruleId, agencyId: args.actor.agencyId } });
  if (!rule) throw new NotFoundError();
  return rule;
}

export type PresetPreview = {
  key: string;
  add: (PresetRule & { title: string })[];
  present: (PresetRule & { title: string })[];
};

/** What adopting a preset would add now, and which of its rules the agency already has (active or retired). */
export async function previewPreset(args: { db: Db; actor: Actor; presetKey: string }): Promise<PresetPreview> {
  const { db, actor } = args;
  authorize(actor, { roles: [...RULE_READING_ROLES], agencyId: actor.agencyId });
  const preset = presetByKey(args.presetKey);
  if (!preset) throw new ValidationError([{ path: "presetKey", message: "errors.invalid" }]);
  const have = await db.requestRule.findMany({
    where: { agencyId: actor.agencyId, presetKey: preset.key },
    select: { presetRuleKey: true },
  });
  const held = new Set(have.map((r) => r.presetRuleKey));
  const t = createTranslator(catalog[actor.locale], actor.locale, "requests");
  const titled = preset.rules.map((r) => ({ ...r, title: t(presetRuleTitleKey(preset.key, r.key)) }));
  return {
    key: preset.key,
    add: titled.filter((r) => !held.has(r.key)),
    present: titled.filter((r) => held.has(r.key)),
  };
}

export async function adoptPreset(args: { db: Db; actor: Actor; presetKey: string; now: Date }) {
  const { db, actor, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.presetAdopt, targetType: "RequestRule", now }, async () => {
    authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
    return db.$transaction(async (tx) => {
      const { key, add, present } = await previewPreset({ db: tx as unknown as Db, actor, presetKey: args.presetKey });
      const ids: string[] = [];
      for (const [i, r] of add.entries()) {
        const id = randomUUID();
        // Distinct creation instants keep the preset's order in every listing.
        const at = new Date(now.getTime() + i);
        // The unique (agency, preset, preset rule) index stops a concurrent second adoption.
        await tx.requestRule.create({
          data: {
            id,
            agencyId: actor.agencyId,
            title: r.title,
            kinds: r.kinds,
            condition: r.condition,
            directive: r.directive,
            source: r.source,
            citation: r.citation,
            presetKey: key,
            presetRuleKey: r.key,
            createdAt: at,
            updatedAt: at,
          },
        });
        ids.push(id);
      }
      await recordAudit(tx, {
        action: REQUEST_AUDIT.presetAdopt,
        targetType: "RequestRule",
        targetId: key,
        at: now,
        details: { preset: key, rules: ids.length, ruleIds: ids, alreadyPresent: present.map((r) => r.key) },
        ...auditContext(actor),
      });
      return { ids, alreadyPresent: present.length };
    });
  });
}

function parseRule(input: unknown): RuleInput {
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  return parsed.data;
}

export async function createRule(args: { db: Db; actor: Actor; input: unknown; now: Date }) {
  const { db, actor, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.ruleCreate, targetType: "RequestRule", now }, async () => {
    authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
    const v = parseRule(args.input);
    return db.$transaction(async (tx) => {
      const id = randomUUID();
      await tx.requestRule.create({ data: { id, agencyId: actor.agencyId, ...v, createdAt: now, updatedAt: now } });
      await recordAudit(tx, {
        action: REQUEST_AUDIT.ruleCreate,
        targetType: "RequestRule",
        targetId: id,
        at: now,
        details: { rule: v },
        ...auditContext(actor),
      });
      return { id };
    });
  });
}

/** Title, kinds, condition, directive, source and citation; audited with each changed field before and after. */
export async function updateRule(args: { db: Db; actor: Actor; ruleId: string; input: unknown; now: Date }) {
  const { db, actor, ruleId, now } = args;
  return auditRefusal(
    { db, actor, action: REQUEST_AUDIT.ruleUpdate, targetType: "RequestRule", targetId: ruleId.slice(0, 64), now },
    async () => {
      authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
      if (!isId(ruleId)) throw new NotFoundError();
      const v = parseRule(args.input);
      return db.$transaction(async (tx) => {
        const before = await tx.requestRule.findFirst({ where: { id: ruleId, agencyId: actor.agencyId } });
        if (!before) throw new NotFoundError();
        const changes = diff(before, v);
        const fields = EDITABLE.filter((f) => f in changes);
        if (fields.length === 0) return { id: ruleId, changed: [] as string[] };
        const { count } = await tx.requestRule.updateMany({
          where: { id: ruleId, agencyId: actor.agencyId },
          data: { ...v, updatedAt: now },
        });
        if (count !== 1) throw new NotFoundError();
        await recordAudit(tx, {
          action: REQUEST_AUDIT.ruleUpdate,
          targetType: "RequestRule",
          targetId: ruleId,
          at: now,
          details: { fields, changes },
          ...auditContext(actor),
        });
        return { id: ruleId, changed: fields as string[] };
      });
    },
  );
}

/** Retires a rule (it stops applying; decisions that relied on it keep naming it) or restores it. */
export async function setRuleActive(args: { db: Db; actor: Actor; ruleId: string; input: unknown; now: Date }) {
  const { db, actor, ruleId, now } = args;
  const parsed = ruleStatusSchema.safeParse(args.input);
  const action = parsed.success && parsed.data.active ? REQUEST_AUDIT.ruleRestore : REQUEST_AUDIT.ruleRetire;
  return auditRefusal(
    { db, actor, action, targetType: "RequestRule", targetId: ruleId.slice(0, 64), now },
    async () => {
      authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
      if (!isId(ruleId)) throw new NotFoundError();
      if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
      const { active } = parsed.data;
      return db.$transaction(async (tx) => {
        const { count } = await tx.requestRule.updateMany({
          where: { id: ruleId, agencyId: actor.agencyId, active: !active },
          data: { active, updatedAt: now },
        });
        if (count === 0) {
          // Already in that state (a second click, another admin): nothing changes, nothing to record.
          if (await tx.requestRule.findFirst({ where: { id: ruleId, agencyId: actor.agencyId }, select: { id: true } }))
            return { id: ruleId, active, changed: false };
          throw new NotFoundError();
        }
        await recordAudit(tx, {
          action,
          targetType: "RequestRule",
          targetId: ruleId,
          at: now,
          details: { changes: { active: { from: !active, to: active } } },
          ...auditContext(actor),
        });
        return { id: ruleId, active, changed: true };
      });
    },
  );
}
