// A user's language preference, kept on their account so every page and notice follows it.
import { z } from "zod";
import type { Db } from "../db/client";
import { recordAudit } from "../audit/record";
import { auditContext, type Actor } from "../auth/actor";
import { LOCALES, type Locale } from "../i18n/locales";

export const localeSchema = z.enum(LOCALES, { message: "errors.invalid" });

export async function setUserLocale(db: Db, { actor, locale, now }: { actor: Actor; locale: Locale; now: Date }) {
  const parsed = localeSchema.parse(locale);
  if (!actor.userId) return;
  await db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({
      where: { id: actor.userId!, agencyId: actor.agencyId },
      select: { locale: true },
    });
    if (!before || before.locale === parsed) return;
    await tx.user.update({ where: { id: actor.userId!, agencyId: actor.agencyId }, data: { locale: parsed } });
    await recordAudit(tx, {
      ...auditContext(actor),
      action: "user.locale.change",
      targetType: "User",
      targetId: actor.userId,
      details: { from: before.locale, to: parsed },
      at: now,
    });
  });
}
