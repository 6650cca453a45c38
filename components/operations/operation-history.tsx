// An operation's change history: filed, moved, rescheduled, extended, edited, status changes.
import type { OperationChangeView } from "@/lib/operations/read-operations";
import type { Translate } from "@/lib/i18n/translate";

/** `t` is bound to "operations.detail", `to` to "operations". */
type Props = { changes: OperationChangeView[]; when: (d: Date) => string; t: Translate; to: Translate };

/** Which label (under "operations.detail") names each field an edit can change. */
export const FIELD_LABELS: Record<string, string> = {
  type: "type",
  title: "title",
  area: "area",
  startsAt: "starts",
  endsAt: "ends",
  leadAgencyName: "leadAgency",
  commanderName: "commander",
  commanderPhone: "phone",
  commsPlan: "comms",
  radioChannel: "radioChannel",
  talkgroup: "talkgroup",
  interopChannel: "interopChannel",
  personnelCount: "personnel",
  riskFlags: "riskFlags",
  notes: "notes",
};

export function OperationHistory({ changes, when, t, to }: Props) {
  const status = (v: unknown) => (typeof v === "string" ? to(`statuses.${v}`) : "—");
  const describe = (c: OperationChangeView): string => {
    const before = (c.before ?? {}) as Record<string, unknown>;
    const after = (c.after ?? {}) as Record<string, unknown>;
    if (c.kinds.includes("STATUS")) return t("statusChange", { from: status(before.status), to: status(after.status) });
    if (c.kinds.includes("CREATE")) return status(after.status);
    const fields = Object.keys(after).filter((k) => k in FIELD_LABELS);
    return fields.map((f) => t(FIELD_LABELS[f])).join(", ");
  };
  return (
    <section aria-labelledby="op-history" className="mt-8">
      <h2 id="op-history" className="mb-3 text-lg font-semibold">
        {t("history")}
      </h2>
      {changes.length === 0 ? (
        <p className="text-muted">{t("noHistory")}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-line bg-white">
          <table className="w-full min-w-[24rem] text-left text-sm" data-testid="operation-history">
            <thead className="border-b border-line bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("historyAt")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("historyWhat")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...changes].reverse().map((c) => (
                <tr key={c.id} className="border-b border-line last:border-0">
                  <td className="whitespace-nowrap px-3 py-2">{when(c.at)}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{c.kinds.map((k) => to(`changeKinds.${k}`)).join(", ")}</span>
                    <span className="block text-muted">{describe(c)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
