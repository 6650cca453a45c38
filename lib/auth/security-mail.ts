// Telling a person by email when their account's security changed (their password, their
// authenticator), in their own language, so a change they did not make does not go unnoticed.
import type { Tx } from "../db/client";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { queueMail } from "../mail/queue-mail";

export type SecurityNotice = "passwordChanged" | "mfaReset";

/** Queues the notice inside the caller's transaction, so it is sent only if the change commits. */
export async function queueSecurityNotice(
  tx: Tx,
  { userId, notice, now }: { userId: string; notice: SecurityNotice; now: Date },
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, agencyId: true, agency: { select: { timeZone: true } } },
  });
  await queueMail(tx, {
    to: { address: user.email, name: user.name, userId: user.id, agencyId: user.agencyId },
    template: notice,
    params: { at: now },
    locales: [isLocale(user.locale) ? user.locale : DEFAULT_LOCALE],
    timeZone: user.agency.timeZone,
    about: { type: "User", id: user.id },
    now,
  });
}
