"use client";
// The live conflict check beside the filing form: what a save would find, shown before anything
// is stored. Another agency appears as need-to-know allows before a filing: its name, its 24/7 line
// and the hours the two meet. The actor's own agency's operations show their full facts.
import Link from "next/link";
import { useLocale, useT, useTimeZone } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import { distanceText, overlapText, whereText } from "@/components/conflicts/facts-text";
import { SeverityLabel } from "@/components/conflicts/severity-label";
import type { OwnPreviewConflict, OtherAgencyPreviewConflict, PreviewConflict } from "./preview-types";

export type PreviewState =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; conflicts: PreviewConflict[] }
  | { kind: "error"; message: string }
  | { kind: "limit"; message: string };

export function ConflictPreview({ state }: { state: PreviewState }) {
  const t = useT("operations.preview");
  return (
    <section aria-labelledby="conflict-preview-title" className="rounded-md border border-line bg-white p-4 shadow-sm">
      <h2 id="conflict-preview-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      <div
        aria-live="polite"
        aria-atomic="true"
        data-testid="conflict-preview"
        data-state={state.kind}
        data-count={state.kind === "done" ? state.conflicts.length : undefined}
        className="mt-2 text-sm"
      >
        <PreviewBody state={state} />
      </div>
      <p className="mt-3 text-xs text-muted">{t("nothingStored")}</p>
    </section>
  );
}

function PreviewBody({ state }: { state: PreviewState }) {
  const t = useT("operations.preview");
  if (state.kind === "idle") return <p className="text-muted">{t("idle")}</p>;
  if (state.kind === "checking") return <p className="text-muted">{t("checking")}</p>;
  if (state.kind === "error") return <p className="text-danger">{state.message}</p>;
  if (state.kind === "limit") {
    return (
      <p data-testid="conflict-preview-limit">
        {state.message} {t("limitSaveChecks")}
      </p>
    );
  }
  if (state.conflicts.length === 0) {
    return (
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone="ok">{t("clearBadge")}</Badge>
        {t("none")}
      </p>
    );
  }
  return (
    <>
      <p className="font-semibold text-danger" data-testid="conflict-preview-count">
        {t("found", { count: state.conflicts.length })}
      </p>
      <ul className="mt-2 flex flex-col gap-3">
        {state.conflicts.map((c, i) =>
          c.scope === "OWN_AGENCY" ? (
            <OwnItem key={`${c.ownOperation.id}-${i}`} conflict={c} />
          ) : (
            <OtherAgencyItem key={`${c.agency.id}-${i}`} conflict={c} />
          ),
        )}
      </ul>
    </>
  );
}

function OtherAgencyItem({ conflict: c }: { conflict: OtherAgencyPreviewConflict }) {
  const t = useT("operations.preview");
  const tc = useT("conflicts");
  const locale = useLocale();
  const zone = useTimeZone();
  return (
    <li className="rounded-md border border-line p-3" data-testid="conflict-preview-item" data-scope="OTHER_AGENCY">
      <p className="font-semibold" data-testid="conflict-preview-agency">
        {c.agency.name}
      </p>
      <p className="mt-1">{t("otherAgency")}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">{t("hours")}</dt>
        <dd>
          {t("hoursValue", {
            start: formatDateTime(c.overlapStart, zone, locale),
            end: formatDateTime(c.overlapEnd, zone, locale),
          })}
        </dd>
        <dt className="text-muted">{tc("contact.agencyPhone")}</dt>
        <dd>
          <a className="text-brand underline" href={`tel:${c.agency.phone24x7.replace(/[^+\d]/g, "")}`}>
            {c.agency.phone24x7}
          </a>
        </dd>
      </dl>
    </li>
  );
}

function OwnItem({ conflict: c }: { conflict: OwnPreviewConflict }) {
  const t = useT("operations.preview");
  const tc = useT("conflicts");
  const locale = useLocale();
  const zone = useTimeZone();
  const near = whereText(tc, c.where);
  return (
    <li className="rounded-md border border-line p-3" data-testid="conflict-preview-item" data-scope="OWN_AGENCY">
      <div className="flex flex-wrap items-center gap-2">
        <SeverityLabel severity={c.severity} label={tc(`severities.${c.severity}`)} />
        <span className="font-semibold" data-testid="conflict-preview-agency">
          {c.agency.name}
        </span>
        <Badge>{t("ownAgency")}</Badge>
      </div>
      <p className="mt-1">
        <Link href={`/operations/${c.ownOperation.id}`} className="text-brand underline">
          {c.ownOperation.ref} · {c.ownOperation.title}
        </Link>
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">{tc("facts.distance")}</dt>
        <dd>{distanceText(tc, c.minDistanceM, c.areasIntersect, c.containment)}</dd>
        {near ? (
          <>
            <dt className="text-muted">{tc("facts.where")}</dt>
            <dd>{near}</dd>
          </>
        ) : null}
        <dt className="text-muted">{tc("facts.overlap")}</dt>
        <dd>{overlapText(tc, c, (d) => formatDateTime(d, zone, locale))}</dd>
        <dt className="text-muted">{tc("contact.agencyPhone")}</dt>
        <dd>
          <a className="text-brand underline" href={`tel:${c.agency.phone24x7.replace(/[^+\d]/g, "")}`}>
            {c.agency.phone24x7}
          </a>
        </dd>
      </dl>
    </li>
  );
}
