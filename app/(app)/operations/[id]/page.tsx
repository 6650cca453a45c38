// One of the agency's own operations: its details, area, lifecycle actions, conflicts and
// change history; for an exigent one, the after-action account it owes, first. "File a similar
// operation" starts a new filing from this one. Another agency's operation id shows the not-found page.
import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { can } from "@/lib/auth/authorize";
import { listConflictsForActor } from "@/lib/conflicts/conflicts";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { areaInWords } from "@/lib/geo/area-in-words";
import { formatDateTime, zoneLabel } from "@/lib/i18n/format";
import { currentTime } from "@/lib/clock";
import { getAfterActionState } from "@/lib/operations/after-action";
import { getOwnOperation } from "@/lib/operations/read-operations";
import { listNotifiableAgencies } from "@/lib/notices/preview-recipients";
import { AfterActionPanel } from "@/components/operations/after-action-panel";
import { FILING_ROLES } from "@/lib/operations/roles";
import { PageHeader } from "@/components/ui/page-header";
import { AreaView } from "@/components/map/area-view";
import { StatusActions, type Transition } from "@/components/operations/status-actions";
import { OperationFacts } from "@/components/operations/operation-facts";
import { OperationHistory } from "@/components/operations/operation-history";
import { ConflictList } from "@/components/conflicts/conflict-list";
import { fileAfterActionAction, transitionOperationAction } from "../actions";
import { StatusBadge } from "../_lib/status-badge";

type Props = { params: Promise<{ id: string }> };

const NEXT: Record<string, Transition[]> = {
  DRAFT: ["PLAN", "CANCEL"],
  PLANNED: ["ACTIVATE", "CANCEL"],
  ACTIVE: ["COMPLETE", "CANCEL"],
  COMPLETED: [],
  CANCELLED: [],
};
const EDITABLE = new Set(["DRAFT", "PLANNED", "ACTIVE"]);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const { id } = await params;
  const op = await getOwnOperation({ db: db(), actor, operationId: id }).catch(() => null);
  return { title: op ? `${op.ref} · ${op.title}` : (await getT("common"))("errorPage.notFoundTitle") };
}

export default async function OperationPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const op = await loadOrNotFound(() => getOwnOperation({ db: db(), actor, operationId: id }));
  const conflicts = await listConflictsForActor({ db: db(), actor, input: { operationId: op.id, pageSize: 100 } });
  const afterAction = await getAfterActionState({ db: db(), actor, operationId: op.id, now: await currentTime(db()) });
  const [t, to, tc, tGeo, tf, locale] = await Promise.all([
    getT("operations.detail"),
    getT("operations"),
    getT("conflicts"),
    getT("geo"),
    getT("followUp"),
    getLocale(),
  ]);
  const when = (d: Date | string) => formatDateTime(d, actor.agencyTimeZone, locale);
  const canFile = can(actor, { roles: FILING_ROLES, agencyId: actor.agencyId });
  const directory =
    afterAction && !afterAction.account && canFile ? await listNotifiableAgencies({ db: db(), actor }) : [];
  const kind = op.area.kind === "CIRCLE" ? t("areaCircle", { radius: Math.round(op.area.radiusM) }) : t("areaPolygon");

  return (
    <>
      <PageHeader
        title={op.title}
        description={`${op.ref} · ${to(`types.${op.type}`)} · ${zoneLabel(actor.agencyTimeZone, locale)}`}
        actions={
          canFile ? (
            <div className="flex flex-wrap gap-2">
              {EDITABLE.has(op.status) ? (
                <Link
                  href={`/operations/${op.id}/edit`}
                  className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
                  data-testid="edit-operation"
                >
                  {t("edit")}
                </Link>
              ) : null}
              <Link
                href={`/operations/new?from=${op.id}`}
                className="rounded-md border border-line bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100"
                data-testid="file-similar"
              >
                {tf("copy.fileSimilar")}
              </Link>
            </div>
          ) : null
        }
      />
      {afterAction ? (
        <AfterActionPanel
          state={afterAction}
          t={tf}
          when={when}
          canWrite={canFile}
          agencies={directory}
          action={fileAfterActionAction.bind(null, op.id)}
        />
      ) : null}
      <div className="mb-6 flex flex-wrap items-center gap-4">
        <StatusBadge status={op.status} label={to(`statuses.${op.status}`)} />
        {canFile ? (
          <StatusActions
            id={op.id}
            version={op.version}
            allowed={NEXT[op.status] ?? []}
            action={transitionOperationAction}
          />
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <OperationFacts op={op} when={when} t={t} to={to} />
        <AreaView
          area={op.area}
          tileUrl={env().MAP_TILE_URL ?? null}
          label={t("areaCaption", { kind })}
          words={areaInWords(op.area, tGeo, locale)}
        />
      </div>
      <section aria-labelledby="op-conflicts" className="mt-8">
        <h2 id="op-conflicts" className="mb-3 text-lg font-semibold">
          {t("conflicts")}
        </h2>
        {conflicts.items.length === 0 ? (
          <p className="text-muted">{t("noConflicts")}</p>
        ) : (
          <ConflictList items={conflicts.items} when={when} showOwnOperation={false} t={tc} />
        )}
      </section>
      <OperationHistory changes={op.changes} when={when} t={t} to={to} />
    </>
  );
}
