// The participating agencies' jurisdictions as a server-rendered SVG map: each outline a link to
// the agency's page, filled by its 287(g) status and outlined solid when a current policy is
// published (dashed when none is). Works without JavaScript; the legend says what colours mean.
import { projectShapes } from "@/lib/public-record/svg-map";

export const STATUS_COLORS: Record<string, string> = {
  ACTIVE: "#b45309",
  EXPIRED: "#94a3b8",
  TERMINATED: "#64748b",
  NONE: "#2563eb",
};

type Item = {
  slug: string;
  name: string;
  shortName: string;
  boundary: unknown;
  status: string;
  hasPolicy: boolean;
  label: string;
};

export function JurisdictionsSvg({ items, title }: { items: Item[]; title: string }) {
  const { width, height, shapes } = projectShapes(items, 600);
  if (shapes.length === 0) return null;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="mx-auto h-auto w-full max-w-[16rem] rounded-lg border border-line bg-slate-50"
      role="group"
      aria-label={title}
      data-testid="transparency-map"
    >
      {shapes.map((s) => (
        <a key={s.slug} href={`/transparency/${s.slug}`} aria-label={s.label} data-testid={`map-${s.slug}`}>
          <path
            d={s.path}
            fill={STATUS_COLORS[s.status] ?? STATUS_COLORS.NONE}
            fillOpacity={0.55}
            stroke="#0f172a"
            strokeWidth={s.hasPolicy ? 2 : 1.5}
            strokeDasharray={s.hasPolicy ? undefined : "6 4"}
            fillRule="evenodd"
          />
        </a>
      ))}
      {shapes.map((s) => (
        <text
          key={`${s.slug}-label`}
          x={s.labelX}
          y={s.labelY}
          textAnchor="middle"
          fontSize={13}
          fontWeight={600}
          fill="#0f172a"
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
          pointerEvents="none"
          aria-hidden="true"
        >
          {s.shortName}
        </text>
      ))}
    </svg>
  );
}

export function Swatch({ color, dashed }: { color: string; dashed?: boolean }) {
  return (
    <svg aria-hidden="true" width={18} height={14} className="inline-block align-middle">
      <rect
        x={1}
        y={1}
        width={16}
        height={12}
        fill={color}
        fillOpacity={0.55}
        stroke="#0f172a"
        strokeWidth={1.5}
        strokeDasharray={dashed ? "3 2" : undefined}
      />
    </svg>
  );
}
