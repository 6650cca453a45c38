// One request, for its receiving agency or the federal office that submitted it (anyone else
// sees the not-found page): the legal basis, the clock, the rules that apply and what they
// direct, and the decision — which command makes here. Live for both sides.
import type { Metadata } from "next";
import { requireActor } from "@/app/_auth/require-actor";
import { getLocale, getT } from "@/app/_i18n/server";
import { loadOrNotFound } from "@/app/(app)/admin/_lib/load-or-not-found";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/authorize";
import { formatDateTime, utcToZonedWallTime, zoneLabel } from "@/lib/i18n/format";
import { minutesLeft } from "@/lib/requests/due";
import { editableFields } from "@/lib/requests/edit-request";
import { REQUEST_LOGGING_ROLES } from "@/lib/requests/roles";
import { getRequest } from "@/lib/requests/read-requests";
import { DecisionForm } from "@/components/requests/decision-form";
import { EditRequestForm } from "@/components/requests/edit-request-form";
import { DecisionBadge, dueClock } from "@/components/requests/request-labels";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { decideRequestAction, editRequestAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor();
  const { id } = await params;
  const d = await getRequest({ db: db(), actor, requestId: id }).catch(() => null);
  const tAll = await getT();
  return {
    title: d
      ? `${d.request.ref} · ${tAll(`requests.kinds.${d.request.kind}`)}`
      : tAll("common.errorPage.notFoundTitle"),
  };
}

export default async function RequestPage({ params }: Props) {
  const actor = await requireActor();
  const { id } = await params;
  const d = await loadOrNotFound(() => getRequest({ db: db(), actor, requestId: id }));
  const [t, tc, locale, now] = await Promise.all([getT("requests"), getT("common"), getLocale(), currentTime(db())]);
  const when = (x: Date) => formatDateTime(x, actor.agencyTimeZone, locale);
  const r = d.request;
  const wall = (x: Date | null) => (x ? utcToZonedWallTime(x, actor.agencyTimeZone).slice(0, 16) : "");
  const mayEdit =
    r.side === "AGENCY" && r.internal && can(actor, { roles: REQUEST_LOGGING_ROLES, agencyId: actor.agencyId });
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt className="text-muted">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <>
      <LiveRefresh types={["request", "escalation"]} debounceMs={100} />
      <PageHeader
        title={`${t(`kinds.${r.kind}`)} — ${r.ref}`}
        description={
          r.side === "AGENCY"
            ? t("detail.fromAgency", { agency: r.requesterName })
            : t("detail.toAgency", { agency: r.agencyName })
        }
      />
      <p className="mb-3 text-sm text-muted">{tc("timeZoneNote", { zone: zoneLabel(actor.agencyTimeZone, locale) })}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-line bg-white p-4" aria-labelledby="facts-h">
          <h2 id="facts-h" className="mb-2 text-lg font-semibold">
            {t("detail.facts")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {row(
              t("detail.status"),
              <DecisionBadge t={t} decision={r.decision} departure={r.internal?.departure} />,
              "request-status",
            )}
            {row(t("detail.channel"), t(`channels.${r.channel}`))}
            {row(t("detail.received"), when(r.receivedAt))}
            {row(
              t("queue.due"),
              r.dueAt
                ? `${when(r.dueAt)} · ${r.decision ? "" : dueClock(t, minutesLeft(r.dueAt, now))}`
                : t("queue.noDue"),
              "request-clock",
            )}
            {row(t("detail.basis"), t(`documents.${r.basisDocument}`))}
            {row(t("form.signedByJudge"), r.basisSignedByJudge ? tc("yes") : tc("no"))}
            {r.basisCourt ? row(t("form.basisCourt"), r.basisCourt) : null}
            {row(t("form.offenceCategory"), t(`categories.${r.offenceCategory}`))}
            {r.internal ? row(t("form.localReference"), r.internal.localReference ?? "—", "request-local-ref") : null}
            {r.internal ? row(t("detail.loggedBy"), r.internal.createdByLabel) : null}
          </dl>
        </section>
        {r.side === "AGENCY" ? (
          <section className="rounded-lg border border-line bg-white p-4" aria-labelledby="rules-h">
            <h2 id="rules-h" className="mb-2 text-lg font-semibold">
              {t("detail.rules")}
            </h2>
            {d.rules.length === 0 ? (
              <p className="text-sm">{t("detail.noRules")}</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm" data-testid="request-rules">
                {d.rules.map((x) => (
                  <li key={x.id}>
                    <strong>{x.title}</strong> → {t(`directives.${x.directive}`)}
                    <br />
                    <span className="text-muted">
                      {t(`sources.${x.source}`)}: {x.citation}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-sm">
              {t("detail.directed", { decisions: d.directed.map((x) => t(`decisions.${x}`)).join(", ") })}
            </p>
          </section>
        ) : null}
      </div>
      {r.decision ? (
        <section
          className="mt-6 rounded-lg border border-line bg-white p-4"
          aria-labelledby="decision-h"
          data-testid="request-decision"
        >
          <h2 id="decision-h" className="mb-2 text-lg font-semibold">
            {t("detail.decision")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {row(t("decide.decision"), t(`decisions.${r.decision}`), "decision-value")}
            {row(t("detail.decidedBy"), `${r.decidedByName ?? "—"} · ${r.decidedAt ? when(r.decidedAt) : ""}`)}
            {r.decisionRule
              ? row(t("decide.rule"), `${r.decisionRule.title} (${r.decisionRule.citation})`, "decision-rule")
              : null}
            {r.decisionBasis ? row(t("decide.basis"), r.decisionBasis) : null}
            {row(t("decide.reason"), r.decisionReason ?? "")}
            {r.counselNotified !== null
              ? row(
                  t("decide.counselNotified"),
                  r.counselNotified
                    ? `${tc("yes")}${r.counselNotifiedAt ? ` · ${when(r.counselNotifiedAt)}` : ""}`
                    : tc("no"),
                )
              : null}
            {r.internal?.departure ? row(t("decide.justification"), r.internal.departureJustification ?? "") : null}
          </dl>
        </section>
      ) : d.canDecide ? (
        <div className="mt-6 max-w-2xl">
          <DecisionForm
            id={r.id}
            rules={d.agencyRules}
            directed={d.directed}
            interview={r.kind === "CUSTODIAL_INTERVIEW"}
            action={decideRequestAction}
          />
        </div>
      ) : r.side === "AGENCY" ? (
        <p className="mt-6 rounded-lg border border-line bg-white p-4 text-sm" data-testid="command-only">
          {t("detail.commandOnly")}
        </p>
      ) : (
        <p className="mt-6 rounded-lg border border-line bg-white p-4 text-sm">{t("detail.awaiting")}</p>
      )}
      {mayEdit && r.internal ? (
        <details className="mt-6 max-w-2xl rounded-lg border border-line bg-white p-4" data-testid="edit-request">
          <summary className="cursor-pointer text-lg font-semibold">{t("edit.title")}</summary>
          <div className="mt-3">
            <EditRequestForm
              id={r.id}
              fields={editableFields(r)}
              decided={r.decision !== null}
              action={editRequestAction}
              initial={{
                receivedAt: wall(r.receivedAt),
                requesterName: r.requesterAgencyId ? "" : r.requesterName,
                dueAt: wall(r.dueAt),
                basisDocument: r.basisDocument,
                basisSignedByJudge: r.basisSignedByJudge,
                basisCourt: r.basisCourt ?? "",
                offenceCategory: r.offenceCategory,
                localReference: r.internal.localReference ?? "",
              }}
            />
          </div>
        </details>
      ) : null}
      {d.escalation.length > 0 ? (
        <section className="mt-6 rounded-lg border border-line bg-white p-4" aria-labelledby="esc-h">
          <h2 id="esc-h" className="mb-2 text-lg font-semibold">
            {t("detail.escalation")}
          </h2>
          <ul className="text-sm">
            {d.escalation.map((s) => (
              <li key={s.id}>
                {when(s.firedAt)} · {t(`escalationLevels.${s.level}`)}
                {s.contactName ? ` · ${s.contactName}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
