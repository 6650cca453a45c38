// The agency admin's sections, with the current one marked for screen readers.
import Link from "next/link";
import { getT } from "@/app/_i18n/server";

const SECTIONS = [
  { key: "users", href: "/admin" },
  { key: "settings", href: "/admin/settings" },
  { key: "apiTokens", href: "/admin/api-tokens" },
  { key: "webhooks", href: "/admin/webhooks" },
  { key: "calendar", href: "/admin/calendar" },
  { key: "requestRules", href: "/admin/request-rules" },
] as const;

export async function AdminNav({ current }: { current: (typeof SECTIONS)[number]["key"] }) {
  const [t, tApi, tNotices, tPolicy, tWebhooks] = await Promise.all([
    getT("admin"),
    getT("api"),
    getT("notices"),
    getT("requestPolicy"),
    getT("webhooks"),
  ]);
  const label: Record<(typeof SECTIONS)[number]["key"], string> = {
    users: t("sections.users"),
    settings: t("sections.settings"),
    apiTokens: tApi("tokens.section"),
    webhooks: tWebhooks("section"),
    calendar: tNotices("calendarAdmin.section"),
    requestRules: tPolicy("rules.section"),
  };
  return (
    <nav aria-label={t("sections.label")} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              aria-current={s.key === current ? "page" : undefined}
              className={`inline-block rounded-md border px-3 py-1.5 text-sm font-medium ${s.key === current ? "border-brand-dark bg-brand-dark text-white" : "border-line bg-white text-brand-dark hover:bg-slate-100"}`}
            >
              {label[s.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
