// An agency's admin keeps its request policy: adopting a preset (its rules copied in, titled in
// the admin's language, then editable), adding and editing rules. The chief designates who else
// may decide. Every change is audited.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { NotFoundError, ValidationError, zodIssues } from "../errors";
import { catalog } from "../i18n/catalog";
import { createTranslator } from "../i18n/translate";
import { auditRefusal } from "../users/admin-scope";
import { isId } from "../validation/operation";
import { ruleSchema } from "../validation/request";
import { presetByKey, presetRuleTitleKey } from "./presets";
import { REQUEST_AUDIT, REQUEST_READING_ROLES, REQUEST_RULE_ROLES } from "./roles";

export async function listRules(args: { db: Db; actor: Actor }) {
  authorize(args.actor, { roles: REQUEST_READING_ROLES, agencyId: args.actor.agencyId });
  return args.db.requestRule.findMany({ where: { agencyId: args.actor.agencyId }, orderBy: { createdAt: "asc" } });
}

export async function adoptPreset(args: { db: Db; actor: Actor; presetKey: string; now: Date }) {
  const { db, actor, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.presetAdopt, targetType: "RequestRule", now }, async () => {
    authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
    const preset = presetByKey(args.presetKey);
    if (!preset) throw new ValidationError([{ path: "presetKey", message: "errors.invalid" }]);
    const t = createTranslator(catalog[actor.locale], actor.locale, "requests");
    return db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const [i, r] of preset.rules.entries()) {
        const id = randomUUID();
        ids.push(id);
        // Distinct creation instants keep the preset's order in every listing.
        const at = new Date(now.getTime() + i);
        await tx.requestRule.create({
          data: { id, agencyId: actor.agencyId, title: t(presetRuleTitleKey(preset.key, r.key)), kinds: r.kinds, condition: r.condition, directive: r.directive, source: r.source, citation: r.citation, presetKey: preset.key, createdAt: at, updatedAt: at },
        });
      }
      await recordAudit(tx, { action: REQUEST_AUDIT.presetAdopt, targetType: "RequestRule", targetId: preset.key, at: now, details: { preset: preset.key, rules: ids.length }, ...auditContext(actor) });
      return { ids };
    });
  });
}

export async function createRule(args: { db: Db; actor: Actor; input: unknown; now: Date }) {
  const { db, actor, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.ruleCreate, targetType: "RequestRule", now }, async () => {
    authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
    const parsed = ruleSchema.safeParse(args.input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    return db.$transaction(async (tx) => {
      const id = randomUUID();
      await tx.requestRule.create({ data: { id, agencyId: actor.agencyId, ...parsed.data, createdAt: now, updatedAt: now } });
      await recordAudit(tx, { action: REQUEST_AUDIT.ruleCreate, targetType: "RequestRule", targetId: id, at: now, details: { directive: parsed.data.directive, kinds: parsed.data.kinds }, ...auditContext(actor) });
      return { id };
    });
  });
}

export async function updateRule(args: { db: Db; actor: Actor; ruleId: string; input: unknown; now: Date }) {
  const { db, actor, ruleId, now } = args;
  return auditRefusal({ db, actor, action: REQUEST_AUDIT.ruleUpdate, targetType: "RequestRule", targetId: ruleId.slice(0, 64), now }, async () => {
    authorize(actor, { roles: REQUEST_RULE_ROLES, agencyId: actor.agencyId });
    if (!isId(ruleId)) throw new NotFoundError();
    const parsed = ruleSchema.safeParse(args.input);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    return db.$transaction(async (tx) => {
      const { count } = await tx.requestRule.updateMany({ where: { id: ruleId, agencyId: actor.agencyId }, data: { ...parsed.data, updatedAt: now } });
      if (count !== 1) throw new NotFoundError();
      await recordAudit(tx, { action: REQUEST_AUDIT.ruleUpdate, targetType: "RequestRule", targetId: ruleId, at: now, details: { directive: parsed.data.directive, active: parsed.data.active }, ...auditContext(actor) });
      return { id: ruleId };
    });
  });
}

/** The chief designates a supervisor or liaison of the same agency to decide requests. */
export async function designateCommand(args: { db: Db; actor: Actor; userId: string; designate: boolean; now: Date }) {
  const { db, actor, userId, now } = args;
  const action = args.designate ? REQUEST_AUDIT.designate : REQUEST_AUDIT.revoke;
  return auditRefusal({ db, actor, action, targetType: "User", targetId: userId.slice(0, 64), now }, async () => {
    authorize(actor, { roles: ["CHIEF"], agencyId: actor.agencyId });
    if (actor.kind !== "USER" || !isId(userId)) throw new NotFoundError();
    return db.$transaction(async (tx) => {
      const user = await tx.user.findFirst({ where: { id: userId, agencyId: actor.agencyId, active: true, isPlatformAdmin: false }, select: { id: true } });
      if (!user) throw new NotFoundError();
      if (args.designate) {
        await tx.requestCommandDesignation.upsert({ where: { userId }, create: { id: randomUUID(), agencyId: actor.agencyId, userId, designatedById: actor.userId, createdAt: now }, update: {} });
      } else {
        await tx.requestCommandDesignation.deleteMany({ where: { userId, agencyId: actor.agencyId } });
      }
      await recordAudit(tx, { action, targetType: "User", targetId: userId, at: now, ...auditContext(actor) });
      return { userId, designated: args.designate };
    });
  });
}
