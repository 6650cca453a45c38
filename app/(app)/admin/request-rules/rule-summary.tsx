// One rule as people read it: its title, what it directs for which kinds of request and when, and
// the law or policy it comes from.
import type { Translate } from "@/lib/i18n/translate";

type Rule = {
  title: string;
  kinds: readonly string[];
  condition: string;
  directive: string;
  source: string;
  citation: string;
};

export function RuleSummary({
  rule,
  t,
  tr,
  preset,
}: {
  rule: Rule;
  t: Translate;
  tr: Translate;
  preset?: string | null;
}) {
  return (
    <div className="text-sm">
      <p className="text-base font-semibold" data-testid="rule-title">
        {rule.title}
      </p>
      <p>
        {t("rules.directs", {
          directive: tr(`directives.${rule.directive}`),
          condition: tr(`conditions.${rule.condition}`).toLowerCase(),
        })}
      </p>
      <p>
        <span className="text-muted">{t("rules.kinds")}: </span>
        {rule.kinds.map((k) => tr(`kinds.${k}`)).join(", ")}
      </p>
      <p data-testid="rule-citation">
        <span className="text-muted">{tr(`sources.${rule.source}`)}: </span>
        {rule.citation}
      </p>
      {preset ? <p className="text-muted">{t("rules.fromPreset", { preset })}</p> : null}
    </div>
  );
}
