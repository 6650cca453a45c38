// The operation page's after-action section for an exigent operation: the deadline (or that it
// has passed, and whom it was escalated to), the form to write the account, or the account.
import type { Translate } from "@/lib/i18n/translate";
import type { AfterActionState } from "@/lib/operations/after-action";
import { Badge } from "@/components/ui/badge";
import { AfterActionAccount } from "./after-action-account";
import { AfterActionForm, type AfterActionAction } from "./after-action-form";

type Props = {
  state: AfterActionState;
  t: Translate;
  when: (d: Date) => string;
  canWrite: boolean;
  agencies: { id: string; name: string }[];
  action: AfterActionAction;
};

export function AfterActionPanel({ state, t, when, canWrite, agencies, action }: Props) {
  const tone = state.state === "FILED" ? "ok" : state.state === "OVERDUE" ? "danger" : "warn";
  const border =
    state.state === "OVERDUE"
      ? "border-danger border-l-4"
      : state.state === "DUE"
        ? "border-amber-500 border-l-4"
        : "border-line";
  return (
    <section
      aria-labelledby="after-action-title"
      className={`mb-6 rounded-lg border bg-white p-4 ${border}`}
      data-testid="after-action"
      data-state={state.state}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id="after-action-title" className="text-lg font-semibold">
          {t("afterAction.title")}
        </h2>
        <Badge tone={tone}>{t(`afterAction.states.${state.state}`)}</Badge>
      </div>
      {state.state !== "FILED" ? (
        <p className="mb-3 font-medium" data-testid="after-action-due">
          {t(state.state === "OVERDUE" ? "afterAction.overdueSince" : "afterAction.dueBy", { at: when(state.dueAt) })}
        </p>
      ) : null}
      {state.state !== "FILED" ? <p className="mb-3 text-sm text-muted">{t("afterAction.why")}</p> : null}
      {state.escalations.length ? (
        <ul
          className="mb-3 flex flex-col gap-1 text-sm"
          data-testid="after-action-escalations"
          aria-label={t("afterAction.escalations")}
        >
          {state.escalations.map((e) => (
            <li key={e.step}>
              {t("afterAction.escalated", {
                level: t(`afterAction.levels.${e.level}`),
                names: e.contactName ?? "—",
                at: when(e.firedAt),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {state.account ? (
        <AfterActionAccount account={state.account} t={t} when={when} />
      ) : canWrite ? (
        <AfterActionForm agencies={agencies} action={action} />
      ) : null}
    </section>
  );
}
