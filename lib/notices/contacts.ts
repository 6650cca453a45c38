// Who at an agency is emailed about a notice: its watch desk address and the people who answer
// for it (chiefs and liaisons), each in their own language first, then the agency's.
import type { Tx } from "../db/client";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/locales";
import type { MailRecipient } from "../mail/queue-mail";
import { NOTICE_EMAIL_ROLES } from "./roles";

export type NoticeContact = { to: MailRecipient; locales: Locale[] };

export type AgencyMailing = { timeZone: string; contacts: NoticeContact[] };

export async function agencyMailing(tx: Tx, agencyId: string): Promise<AgencyMailing> {
  const agency = await tx.agency.findUniqueOrThrow({
    where: { id: agencyId },
    select: { email: true, languages: true, timeZone: true },
  });
  const languages = agency.languages.filter(isLocale) as Locale[];
  const users = await tx.user.findMany({
    where: { agencyId, active: true, roles: { hasSome: NOTICE_EMAIL_ROLES } },
    select: { id: true, email: true, name: true, locale: true },
    orderBy: { name: "asc" },
  });
  const contacts: NoticeContact[] = [];
  if (agency.email) contacts.push({ to: { address: agency.email, agencyId }, locales: languages });
  for (const u of users) {
    if (agency.email && u.email.toLowerCase() === agency.email.toLowerCase()) continue;
    contacts.push({
      to: { address: u.email, name: u.name, userId: u.id, agencyId },
      locales: isLocale(u.locale) ? [u.locale, ...languages] : languages,
    });
  }
  return { timeZone: agency.timeZone, contacts };
}

/** The one person to tell about a reply: the user who sent the notice, when they still can be reached. */
export async function personMailing(tx: Tx, userId: string | null): Promise<AgencyMailing | null> {
  if (!userId) return null;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      active: true,
      agencyId: true,
      agency: { select: { timeZone: true, languages: true } },
    },
  });
  if (!user?.active) return null;
  const languages = user.agency.languages.filter(isLocale) as Locale[];
  return {
    timeZone: user.agency.timeZone,
    contacts: [
      {
        to: { address: user.email, name: user.name, userId: user.id, agencyId: user.agencyId },
        locales: isLocale(user.locale) ? [user.locale, ...languages] : languages,
      },
    ],
  };
}

export function publicBaseUrl(): string {
  return env().PUBLIC_BASE_URL ?? env().NEXTAUTH_URL ?? "http://localhost:3000";
}

export function noticeLink(noticeId: string): string {
  return new URL(`/notices/${noticeId}`, publicBaseUrl()).toString();
}
