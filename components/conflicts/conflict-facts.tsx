// The facts of a conflict from the viewer's side: how close, where roughly, and when (server component).
import type { ConflictFacts as Facts } from "@/lib/conflicts/conflict-view";
import type { Translate } from "@/lib/i18n/translate";
import { distanceText, overlapText, whereText } from "./facts-text";

/** `t` is bound to "conflicts". */
export function ConflictFacts({
  facts,
  detectedAt,
  when,
  t,
}: {
  facts: Facts;
  detectedAt: Date;
  when: (d: Date | string) => string;
  t: Translate;
}) {
  const near = whereText(t, facts.where);
  return (
    <section aria-labelledby="facts" className="rounded-md border border-line bg-white p-4">
      <h2 id="facts" className="mb-3 text-lg font-semibold">
        {t("facts.title")}
      </h2>
      <dl
        className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
        data-testid="conflict-facts"
      >
        <dt className="font-medium text-muted">{t("facts.distance")}</dt>
        <dd>{distanceText(t, facts.minDistanceM, facts.areasIntersect, facts.containment)}</dd>
        {near ? (
          <>
            <dt className="font-medium text-muted">{t("facts.where")}</dt>
            <dd>{near}</dd>
          </>
        ) : null}
        <dt className="font-medium text-muted">{t("facts.overlap")}</dt>
        <dd>{overlapText(t, facts, when)}</dd>
        <dt className="font-medium text-muted">{t("facts.detected")}</dt>
        <dd>{when(detectedAt)}</dd>
      </dl>
    </section>
  );
}
