"use client";
// "These agencies will be notified": beside the filing form, worked out from the area and
// window as they change, with each host's required lead time and a flag where the filing is
// late, and what each will see (the full notice, or only the conflict); the filer can add agencies
// (a prosecutor, a neighbouring sheriff) or remove added ones.
import { useState } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { leadHours } from "@/lib/notices/lead-time";
import { seesFullNotice } from "@/lib/notices/notice-scope";
import type { RecipientPreviewState } from "./use-recipient-preview";

type Agency = { id: string; name: string };

type Props = {
  state: RecipientPreviewState;
  agencies: Agency[];
  added: string[];
  onAddedChange: (ids: string[]) => void;
};

export function RecipientPreview({ state, agencies, added, onAddedChange }: Props) {
  const t = useT("notices");
  const tf = useT("followUp.sees");
  const [choice, setChoice] = useState("");
  const preview = state.kind === "done" ? state.preview : state.kind === "checking" ? state.last : null;
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const addable = agencies.filter((a) => !added.includes(a.id));
  const hours = preview ? leadHours(preview.leadMinutes) : 0;

  return (
    <section aria-labelledby="recipient-preview-title" className="rounded-md border border-line bg-white p-4 shadow-sm">
      <h2 id="recipient-preview-title" className="text-base font-semibold">
        {t("preview.title")}
      </h2>
      <p className="mt-1 text-xs text-muted">{t("preview.intro")}</p>
      <div
        aria-live="polite"
        aria-atomic="true"
        className="mt-2 text-sm"
        data-testid="recipient-preview"
        data-state={state.kind}
      >
        {state.kind === "idle" ? <p>{t("preview.waiting")}</p> : null}
        {state.kind === "checking" && !preview ? <p>{t("preview.checking")}</p> : null}
        {state.kind === "error" ? <p>{t("preview.failed")}</p> : null}
        {state.kind === "limit" ? <p>{t("preview.limit")}</p> : null}
        {preview ? (
          <>
            <p className="mb-2">
              {t("preview.leadTime", {
                given: hours >= 0 ? t("lead.before", { hours }) : t("lead.after", { hours: -hours }),
              })}
            </p>
            {preview.recipients.length === 0 ? (
              <p>{t("preview.none")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {preview.recipients.map((r) => (
                  <li
                    key={r.agencyId}
                    data-testid="preview-recipient"
                    data-agency={r.name}
                    className="rounded border border-line p-2"
                  >
                    <p className="font-medium">{r.name}</p>
                    <p className="text-xs text-muted">
                      {(r.reasons.length ? r.reasons : ["NONE"]).map((x) => t(`reasons.${x}`)).join(", ")} ·{" "}
                      {t("preview.requires", { hours: r.requiredLeadHours })}
                    </p>
                    <p
                      className="mt-1 text-xs"
                      data-testid="preview-sees"
                      data-scope={r.reasons.length === 0 ? "EARLIER" : seesFullNotice(r.reasons) ? "FULL" : "CONFLICT"}
                    >
                      {tf(r.reasons.length === 0 ? "earlier" : seesFullNotice(r.reasons) ? "full" : "conflict")}
                    </p>
                    {r.late ? (
                      <span className="mt-1 inline-block">
                        <Badge tone="warn">{t("preview.lateWarning")}</Badge>
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </div>
      {added.length ? (
        <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label={t("preview.added")}>
          {added.map((id) => (
            <li key={id} className="flex items-center justify-between gap-2">
              <span>
                {names.get(id) ?? id} <span className="text-xs text-muted">({t("preview.added")})</span>
              </span>
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-1"
                onClick={() => onAddedChange(added.filter((x) => x !== id))}
                aria-label={t("preview.remove", { agency: names.get(id) ?? id })}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3 flex flex-col gap-1">
        <label htmlFor="add-agency" className="text-sm font-medium">
          {t("preview.add")}
        </label>
        <div className="flex gap-2">
          <select
            id="add-agency"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm"
            data-testid="add-agency"
          >
            <option value="">{t("preview.addChoose")}</option>
            {addable.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <Button
            type="button"
            variant="secondary"
            disabled={!choice}
            onClick={() => {
              onAddedChange([...added, choice]);
              setChoice("");
            }}
            data-testid="add-agency-button"
          >
            {t("preview.addButton")}
          </Button>
        </div>
      </div>
    </section>
  );
}
