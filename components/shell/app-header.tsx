"use client";
// The app's header. On a wide screen: the name, the agency, the account controls and the
// navigation. On a phone: one short row (the name and a menu button), the rest behind the button,
// so the page itself fills the first screen. The menu opens by keyboard too, says whether it is
// open (aria-expanded), moves focus to its first link, and closes with Escape (focus back on the
// button) or when a link is followed.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import type { NavCounts } from "@/lib/dashboard/nav-counts";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import type { NavItem } from "./nav-items";
import { SignOutButton } from "./sign-out-button";
import { useNavCounts } from "./use-nav-counts";

type Props = { items: NavItem[]; counts: NavCounts; agencyLine: string; userName: string };

export function AppHeader({ items, counts: initial, agencyLine, userName }: Props) {
  const t = useT("common");
  const counts = useNavCounts(initial);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  const waiting = (counts.inbox ?? 0) + (counts.conflicts ?? 0) + (counts.requests ?? 0);

  // A followed link closes the menu.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a, button, select")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <header className="bg-brand-dark text-white">
      {/* One copy of every control. On a phone the menu panel holds the navigation and the account
          controls; from md up the panel dissolves (display: contents) into the header's rows. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-3 px-4 py-2 md:py-3">
        <div className="min-w-0 md:order-1">
          <Link href="/" className="text-lg font-semibold tracking-tight text-white">
            {t("appName")}
          </Link>
          <p className="hidden text-sm text-blue-100 md:block" data-testid="shell-agency">
            {agencyLine}
          </p>
        </div>
        <button
          ref={button}
          type="button"
          className="inline-flex min-h-11 min-w-11 items-center gap-2 rounded-md border border-white/60 px-3 py-2 text-sm font-semibold text-white hover:bg-blue-800 md:hidden"
          aria-expanded={open}
          aria-controls="main-menu"
          data-testid="menu-button"
          onClick={() => setOpen((o) => !o)}
        >
          <svg
            aria-hidden="true"
            width="20"
            height="20"
            viewBox="0 0 20 20"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
          </svg>
          {t("shell.menu")}
          {waiting > 0 ? (
            <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold" data-testid="menu-count">
              <span aria-hidden="true">{waiting}</span>
              <span className="sr-only">{t("shell.waiting", { count: waiting })}</span>
            </span>
          ) : null}
        </button>
        <div
          ref={panel}
          id="main-menu"
          className={`${open ? "block" : "hidden"} w-full border-t border-white/20 pt-2 md:contents`}
          data-testid="main-menu"
        >
          <nav aria-label={t("nav.main")} className="md:order-3 md:mt-2 md:w-full">
            <NavLinks items={items} counts={counts} />
          </nav>
          <div className="mt-2 flex flex-col gap-2 border-t border-white/20 py-3 md:order-2 md:mt-0 md:flex-row md:flex-wrap md:items-center md:gap-3 md:border-t-0 md:py-0">
            <p className="text-sm text-blue-100 md:hidden">{agencyLine}</p>
            <div className="flex flex-wrap items-center gap-3">
              <LanguageSwitch />
              <Link
                href="/account"
                className="inline-flex min-h-11 items-center text-sm text-white underline-offset-2 hover:underline md:min-h-0"
                data-testid="shell-user"
              >
                {userName}
              </Link>
              <SignOutButton />
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
