// Shared by the public pages: the figures of published reports as charts and tables read them.
import type { Translate } from "@/lib/i18n/translate";
import type { RollupFigure } from "@/lib/public-record/rollup";
import type { Count } from "@/lib/requests/report-figures";

export function showCount(c: Count | undefined, t: Translate): string {
  if (c === undefined) return "0";
  return c === "<5" ? t("public.fewerThanFive") : new Intl.NumberFormat("en-US").format(c);
}

export function showRollup(f: RollupFigure, t: Translate): string {
  return f.partial ? t("public.atLeast", { n: f.atLeast }) : String(f.atLeast);
}

export const quarterLabel = (r: { year: number; quarter: number | null }) =>
  r.quarter ? `Q${r.quarter} ${r.year}` : String(r.year);
