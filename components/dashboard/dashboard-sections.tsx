// The lists of the dashboard: what waits for the viewer's agency, each item one large link to
// its page. Rendered on the server; the page passes translators bound to the right namespaces.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import type { Dashboard, DashboardNotice, Section } from "@/lib/dashboard/read-dashboard";
import type { EscalationClock } from "@/lib/dashboard/escalation-clock";
import { Badge } from "@/components/ui/badge";

export type Fmt = { when: (d: Date) => string; relative: (d: Date) => string };
type T = { t: Translate; tc: Translate; tr: Translate; tn: Translate; to: Translate };

function SectionFrame({
  id,
  title,
  count,
  children,
  more,
}: {
  id: Section;
  title: string;
  count?: number;
  children: ReactNode;
  more?: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`dash-${id}-title`}
      className="rounded-lg border border-line bg-white p-4"
      data-testid={`dash-${id}`}
    >
      <h2 id={`dash-${id}-title`} className="mb-3 flex items-center gap-2 text-lg font-semibold">
        {title}
        {count !== undefined ? (
          <span
            className={`rounded-full px-2.5 py-0.5 text-sm ${count > 0 ? "bg-red-700 text-white" : "bg-slate-100 text-slate-800"}`}
            data-testid={`dash-${id}-count`}
          >
            {count}
          </span>
        ) : null}
      </h2>
      {children}
      {more ? <div className="mt-3 text-sm">{more}</div> : null}
    </section>
  );
}

function Empty({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p className="rounded-md bg-slate-50 p-3 text-slate-800" data-testid={testId}>
      {children}
    </p>
  );
}

/** One row: the whole row is the link, at least 48 px high for a thumb. */
function ItemLink({
  href,
  testId,
  children,
  label,
}: {
  href: string;
  testId: string;
  children: ReactNode;
  label?: string;
}) {
  return (
    <li>
      <Link
        href={href}
        aria-label={label}
        data-testid={testId}
        className="block min-h-12 rounded-md border border-line px-3 py-3 hover:border-brand hover:bg-blue-50 focus-visible:bg-blue-50"
      >
        {children}
      </Link>
    </li>
  );
}

const MoreLink = ({ href, children }: { href: string; children: ReactNode }) => (
  <Link href={href} className="inline-block py-2 font-medium text-brand-dark underline underline-offset-2">
    {children}
  </Link>
);

export function escalationText(t: Translate, f: Fmt, e: EscalationClock): string {
  const level = (l: string | null) => t(`levels.${l ?? "BACKUP"}`);
  const next = e.nextAt
    ? t("escalation.next", { level: level(e.nextLevel), at: f.when(e.nextAt), relative: f.relative(e.nextAt) })
    : null;
  const last = e.lastAt ? t("escalation.escalated", { level: level(e.lastLevel), at: f.when(e.lastAt) }) : null;
  if (last && next) return `${last} ${next}`;
  return last ?? next ?? t("escalation.none");
}

function NoticeItem({ n, t, f }: { n: DashboardNotice; t: Translate; f: Fmt }) {
  const escalated = n.escalation.lastAt !== null;
  return (
    <ItemLink href={`/notices/${n.id}`} testId="dash-notice">
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-brand-dark">{n.title ?? t("notices.conflictTitle")}</span>
        {n.exigent ? <Badge tone="danger">{t("notices.exigent")}</Badge> : null}
      </span>
      <span className="block text-sm">{t("notices.from", { agency: n.senderAgencyName, at: f.when(n.sentAt) })}</span>
      <span className="block text-sm">{t("notices.when", { start: f.when(n.startsAt), end: f.when(n.endsAt) })}</span>
      <span
        className={`mt-1 block text-sm font-medium ${escalated ? "text-red-800" : "text-amber-900"}`}
        data-testid="dash-escalation"
        data-escalated={escalated ? "true" : "false"}
      >
        {escalationText(t, f, n.escalation)}
      </span>
    </ItemLink>
  );
}

export function DashboardSection({ section, d, f, tt }: { section: Section; d: Dashboard; f: Fmt; tt: T }) {
  const { t, tc, tr, tn, to } = tt;
  switch (section) {
    case "notices":
      return (
        <SectionFrame
          id="notices"
          title={t("notices.title")}
          count={d.notices.total}
          more={<MoreLink href="/inbox">{t("notices.all")}</MoreLink>}
        >
          {d.notices.items.length === 0 ? (
            <Empty testId="dash-notices-empty">{t("notices.empty")}</Empty>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.notices.items.map((n) => (
                <NoticeItem key={n.id} n={n} t={t} f={f} />
              ))}
            </ul>
          )}
        </SectionFrame>
      );
    case "conflicts":
      return (
        <SectionFrame
          id="conflicts"
          title={t("conflicts.title")}
          count={d.conflicts.total}
          more={<MoreLink href="/conflicts">{t("conflicts.all")}</MoreLink>}
        >
          {d.conflicts.items.length === 0 ? (
            <Empty testId="dash-conflicts-empty">{t("conflicts.empty")}</Empty>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.conflicts.items.map((c) => (
                <ItemLink key={c.id} href={`/conflicts/${c.id}`} testId="dash-conflict">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-brand-dark">
                      {t("conflicts.with", { agency: c.counterpartAgencyName })}
                    </span>
                    <Badge tone={c.severity === "HIGH" ? "danger" : c.severity === "MEDIUM" ? "warn" : "neutral"}>
                      {tc(`severities.${c.severity}`)}
                    </Badge>
                  </span>
                  {c.ownOperation ? (
                    <span className="block text-sm">
                      {t("conflicts.yours", { title: c.ownOperation.title, ref: c.ownOperation.ref })}
                    </span>
                  ) : null}
                  {c.overlapStart && c.overlapEnd ? (
                    <span className="block text-sm">
                      {t("conflicts.overlap", { start: f.when(c.overlapStart), end: f.when(c.overlapEnd) })}
                    </span>
                  ) : null}
                  <span className="mt-1 block text-sm font-medium text-amber-900" data-testid="dash-escalation">
                    {escalationText(t, f, c.escalation)}
                  </span>
                </ItemLink>
              ))}
            </ul>
          )}
        </SectionFrame>
      );
    case "requests":
      if (!d.requests) return null;
      return (
        <SectionFrame
          id="requests"
          title={t("requests.title")}
          count={d.requests.total}
          more={<MoreLink href="/requests">{t("requests.all")}</MoreLink>}
        >
          {d.requests.items.length === 0 ? (
            <Empty testId="dash-requests-empty">{t("requests.empty")}</Empty>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.requests.items.map((r) => (
                <ItemLink key={r.id} href={`/requests/${r.id}`} testId="dash-request">
                  <span className="block font-semibold text-brand-dark">{tr(`kinds.${r.kind}`)}</span>
                  <span className="block text-sm">
                    {t("requests.from", { requester: r.requesterName || "—", ref: r.ref })}
                  </span>
                  <span className={`block text-sm font-medium ${r.dueAt && r.dueAt < d.now ? "text-red-800" : ""}`}>
                    {r.dueAt
                      ? t(r.dueAt < d.now ? "requests.overdue" : "requests.due", {
                          at: f.when(r.dueAt),
                          relative: f.relative(r.dueAt),
                        })
                      : t("requests.noDue")}
                  </span>
                </ItemLink>
              ))}
            </ul>
          )}
        </SectionFrame>
      );
    case "operations":
      return (
        <SectionFrame
          id="operations"
          title={t("operations.title")}
          count={d.operations.length}
          more={<MoreLink href="/operations">{t("operations.all")}</MoreLink>}
        >
          {d.operations.length === 0 ? (
            <Empty testId="dash-operations-empty">{t("operations.empty")}</Empty>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.operations.map((o) => (
                <ItemLink key={o.id} href={`/operations/${o.id}`} testId="dash-operation">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-brand-dark">{o.title}</span>
                    <Badge tone={o.status === "ACTIVE" ? "ok" : "info"}>{to(`statuses.${o.status}`)}</Badge>
                  </span>
                  <span className="block text-sm">
                    {t("operations.starts", { at: f.when(o.startsAt), relative: f.relative(o.startsAt) })}
                  </span>
                </ItemLink>
              ))}
            </ul>
          )}
        </SectionFrame>
      );
    case "replies":
      return (
        <SectionFrame
          id="replies"
          title={t("replies.title")}
          count={d.replies.length}
          more={<MoreLink href="/sent">{t("replies.all")}</MoreLink>}
        >
          {d.replies.length === 0 ? (
            <Empty testId="dash-replies-empty">{t("replies.empty")}</Empty>
          ) : (
            <ul className="flex flex-col gap-2">
              {d.replies.map((r) => (
                <ItemLink key={r.id} href={`/notices/${r.noticeId}`} testId="dash-reply">
                  <span className="block font-semibold text-brand-dark">
                    {t("replies.from", { agency: r.authorAgencyName, name: r.authorName })}
                  </span>
                  <span className="block text-sm">
                    {tn(`threadKinds.${r.kind}`)}
                    {r.body ? `: ${r.body}` : ""}
                  </span>
                  <span className="block text-sm text-muted">
                    {t("replies.about", { title: r.title ?? r.noticeRef, at: f.when(r.createdAt) })}
                  </span>
                </ItemLink>
              ))}
            </ul>
          )}
        </SectionFrame>
      );
  }
}
