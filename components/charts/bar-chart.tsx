// A grouped bar chart drawn as SVG on the server (it needs no JavaScript), with its one-sentence
// summary and the same figures as a table beside it. A withheld count ("<5") draws no bar and is
// marked on the axis instead, so the picture never shows a number the table does not.
import { scaleBand, scaleLinear } from "d3-scale";

export type ChartValue = number | "<5";
export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string; values: Record<string, ChartValue> };

const W = 640;
const H = 260;
const M = { top: 16, right: 12, bottom: 40, left: 44 };

export function BarChart(props: {
  id: string;
  title: string;
  summary: string;
  series: ChartSeries[];
  rows: ChartRow[];
  labels: { period: string; withheld: string; table: string };
}) {
  const { id, title, summary, series, rows, labels } = props;
  const max = Math.max(
    5,
    ...rows.flatMap((r) => series.map((s) => (typeof r.values[s.key] === "number" ? (r.values[s.key] as number) : 0))),
  );
  const x = scaleBand<string>()
    .domain(rows.map((r) => r.label))
    .range([M.left, W - M.right])
    .padding(0.2);
  const inner = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([H - M.bottom, M.top]);
  const show = (v: ChartValue | undefined) => (v === undefined ? "0" : v === "<5" ? labels.withheld : String(v));

  return (
    <figure
      className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4"
      data-testid="chart"
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h3>
      <figcaption className="text-sm" data-testid="chart-summary">
        {summary}
      </figcaption>
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-table`}
        >
          {y.ticks(5).map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke="#cbd5e1" strokeWidth={1} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={12} fill="#334155">
                {t}
              </text>
            </g>
          ))}
          {rows.map((r) => (
            <g key={r.label} transform={`translate(${x(r.label) ?? 0},0)`}>
              {series.map((s) => {
                const v = r.values[s.key];
                const bx = inner(s.key) ?? 0;
                if (v === "<5")
                  return (
                    <text
                      key={s.key}
                      x={bx + inner.bandwidth() / 2}
                      y={y(0) - 4}
                      textAnchor="middle"
                      fontSize={10}
                      fill="#334155"
                    >
                      &lt;5
                    </text>
                  );
                const n = typeof v === "number" ? v : 0;
                return (
                  <rect
                    key={s.key}
                    x={bx}
                    y={y(n)}
                    width={inner.bandwidth()}
                    height={Math.max(0, y(0) - y(n))}
                    fill={s.color}
                  />
                );
              })}
              <text x={x.bandwidth() / 2} y={H - M.bottom + 16} textAnchor="middle" fontSize={12} fill="#334155">
                {r.label}
              </text>
            </g>
          ))}
          <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#334155" />
        </svg>
        <div className="overflow-x-auto">
          <table id={`${id}-table`} className="w-full text-left text-sm" data-testid="chart-table">
            <caption className="mb-1 text-left text-sm font-medium">{labels.table}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {labels.period}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-2 py-1">
                    <svg aria-hidden="true" width={12} height={12} className="mr-1 inline-block align-middle">
                      <rect width={12} height={12} fill={s.color} />
                    </svg>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className="border-t border-line">
                  <th scope="row" className="px-2 py-1 font-medium">
                    {r.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="px-2 py-1 tabular-nums">
                      {show(r.values[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}
