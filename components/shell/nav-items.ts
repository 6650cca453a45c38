// The navigation, by role. A link appears only for people who may use what it leads to.
import type { Role } from "@/lib/db/generated/enums";

/** Which of the navigation counts (lib/dashboard/nav-counts.ts) shows beside the link. */
export type NavCountKey = "inbox" | "conflicts" | "requests";

export type NavItem = { href: string; labelKey: string; roles?: Role[]; platformAdmin?: boolean; count?: NavCountKey };

/** The people who file operations and work their conflicts. */
const OPERATIONS_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF"];

export const NAV_ITEMS: NavItem[] = [
  { href: "/", labelKey: "nav.dashboard" },
  { href: "/operations", labelKey: "nav.operations", roles: OPERATIONS_ROLES },
  { href: "/operations/new", labelKey: "nav.newOperation", roles: OPERATIONS_ROLES },
  { href: "/conflicts", labelKey: "nav.conflicts", roles: OPERATIONS_ROLES, count: "conflicts" },
  // Notices to and from the agency: every role of the agency reads them.
  { href: "/inbox", labelKey: "nav.inbox", count: "inbox" },
  { href: "/sent", labelKey: "nav.sent" },
  // Federal requests: every role reads its agency's log; the pages decide what each may do.
  { href: "/requests", labelKey: "nav.requests", count: "requests" },
  // The public record: admins draft it, command publishes it.
  { href: "/public-record", labelKey: "nav.publicRecord", roles: ["AGENCY_ADMIN", "CHIEF"] },
  { href: "/directory", labelKey: "nav.directory" },
  { href: "/admin", labelKey: "nav.admin", roles: ["AGENCY_ADMIN"] },
  { href: "/audit", labelKey: "nav.audit", roles: ["AUDITOR", "AGENCY_ADMIN"] },
  // Mail addressed to the agency; without SMTP the place mail goes (the page itself says when it is closed).
  { href: "/outbox", labelKey: "nav.outbox" },
  { href: "/platform", labelKey: "nav.platform", platformAdmin: true },
];

export function visibleNav(roles: Role[], isPlatformAdmin: boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (item.platformAdmin) return isPlatformAdmin;
    return !item.roles || item.roles.some((r) => roles.includes(r));
  });
}
