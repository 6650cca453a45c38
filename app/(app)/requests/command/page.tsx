// Who decides the agency's federal requests: its chiefs always, and the supervisors and liaisons a
// chief designates here. Only the agency's chiefs reach this page; the people listed are their
// own agency's, and the queue and each request's decision form follow what is set here.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { listCommand, type CommandPerson } from "@/lib/requests/command-designations";
import { ActionButton } from "@/components/requests/action-button";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { designateAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("requestPolicy"))("command.title") };
}

export default async function CommandPage() {
  const actor = await requireActor();
  const { chiefs, people } = await loadOrNotFound(() => listCommand({ db: db(), actor }));
  const [t, tc, locale] = await Promise.all([getT("requestPolicy"), getT("common"), getLocale()]);
  const when = (d: Date) => formatDateTime(d, actor.agencyTimeZone, locale);
  const roleList = (p: CommandPerson) => p.roles.map((r) => tc(`roles.${r}`)).join(", ");
  const designated = people.filter((p) => p.designatedAt);
  const others = people.filter((p) => !p.designatedAt);

  return (
    <>
      <PageHeader title={t("command.title")} description={t("command.description")} />
      <p className="mb-4 text-sm">
        <Link href="/requests" className="text-brand-dark underline">
          {t("command.back")}
        </Link>
      </p>
      <p className="mb-4 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-line bg-white p-4" aria-labelledby="deciders-h">
          <h2 id="deciders-h" className="mb-2 text-lg font-semibold">
            {t("command.deciders")}
          </h2>
          <ul className="flex flex-col gap-3" data-testid="deciders">
            {chiefs.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-center justify-between gap-2"
                data-testid="decider"
                data-user-name={p.name}
              >
                <span>
                  <span className="font-medium">{p.name}</span>{" "}
                  <span className="text-sm text-muted">· {p.title ?? roleList(p)}</span>
                </span>
                <Badge tone="info">{t("command.alwaysDecides")}</Badge>
              </li>
            ))}
            {designated.map((p) => (
              <li
                key={p.id}
                className="flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3"
                data-testid="decider"
                data-user-name={p.name}
              >
                <span>
                  <span className="font-medium">{p.name}</span>{" "}
                  <span className="text-sm text-muted">· {roleList(p)}</span>
                  <br />
                  <span className="text-sm text-muted">
                    {t("command.designatedBy", { name: p.designatedByName ?? "—", at: when(p.designatedAt!) })}
                  </span>
                </span>
                <ActionButton
                  label={t("command.remove")}
                  ariaLabel={t("command.removeNamed", { name: p.name })}
                  action={designateAction.bind(null, p.id, false)}
                  testId="designation-remove"
                />
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-lg border border-line bg-white p-4" aria-labelledby="others-h">
          <h2 id="others-h" className="mb-1 text-lg font-semibold">
            {t("command.others")}
          </h2>
          <p className="mb-2 text-sm text-muted">{t("command.othersHint")}</p>
          {others.length === 0 ? (
            <p className="text-sm">{t("command.noOthers")}</p>
          ) : (
            <ul className="flex flex-col gap-3" data-testid="designable">
              {others.map((p) => (
                <li
                  key={p.id}
                  className="flex flex-wrap items-center justify-between gap-2"
                  data-testid="designable-person"
                  data-user-name={p.name}
                >
                  <span>
                    <span className="font-medium">{p.name}</span>{" "}
                    <span className="text-sm text-muted">· {roleList(p)}</span>
                  </span>
                  <ActionButton
                    label={t("command.designate")}
                    ariaLabel={t("command.designateNamed", { name: p.name })}
                    action={designateAction.bind(null, p.id, true)}
                    testId="designation-add"
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
