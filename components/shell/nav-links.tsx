"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/components/i18n/i18n-provider";
import type { NavCounts } from "@/lib/dashboard/nav-counts";
import type { NavItem } from "./nav-items";

export function NavLinks({
  items,
  counts,
  onNavigate,
}: {
  items: NavItem[];
  counts: NavCounts;
  onNavigate?: () => void;
}) {
  const t = useT("common");
  const pathname = usePathname();
  // Only the most specific matching link is the current page (/operations/new, not also /operations).
  const matches = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  const current = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
      {items.map((item) => {
        const active = item.href === current;
        const count = item.count ? counts[item.count] : null;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              data-testid={`nav-${item.href.replace(/^\//, "").replace(/\//g, "-") || "dashboard"}`}
              className={`flex min-h-11 items-center gap-2 rounded-md px-3 py-2 text-base font-medium md:min-h-0 md:text-sm ${
                active ? "bg-white text-brand-dark" : "text-white hover:bg-blue-800"
              }`}
            >
              {t(item.labelKey)}
              {count ? (
                <span
                  data-testid={`nav-count-${item.count}`}
                  className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white"
                >
                  <span aria-hidden="true">{count}</span>
                  <span className="sr-only">{t(`shell.counts.${item.count}`, { count })}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
