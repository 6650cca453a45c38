// The conversation both agencies of a notice share, oldest first, each entry marked with the
// agency that wrote it.
import type { Translate } from "@/lib/i18n/translate";
import type { ThreadEntry } from "@/lib/notices/notice-view";

export function NoticeThread({
  entries,
  t,
  when,
  ownSide,
}: {
  entries: ThreadEntry[];
  t: Translate;
  when: (d: Date) => string;
  ownSide: "SENDER" | "RECIPIENT";
}) {
  if (entries.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="thread-empty">
        {t("thread.empty")}
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-2" data-testid="thread">
      {entries.map((m) => (
        <li
          key={m.id}
          data-testid="thread-entry"
          data-kind={m.kind}
          className={`rounded-md border p-3 text-sm ${m.side === ownSide ? "border-blue-200 bg-blue-50" : "border-line bg-white"}`}
        >
          <p className="text-xs text-muted">
            <span className="font-semibold text-ink">{m.authorName}</span> · {m.authorAgencyName}
            {m.side === ownSide ? ` (${t("thread.you")})` : ""} · {when(m.createdAt)}
          </p>
          <p className="mt-1 font-medium">{t(`threadKinds.${m.kind}`)}</p>
          {m.body ? <p className="mt-1 whitespace-pre-line">{m.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}
