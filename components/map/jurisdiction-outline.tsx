// A small SVG drawing of a jurisdiction's MultiPolygon: enough to recognise its shape and place,
// without a map library or tiles. Longitude is scaled by cos(latitude) so shapes keep their
// proportions at mid latitudes. Renders on the server.
import type { MultiPolygon } from "@/lib/validation/agency";

type Props = { boundary: MultiPolygon; label: string; width?: number; height?: number };

const PAD = 6;

export function JurisdictionOutline({ boundary, label, width = 320, height = 240 }: Props) {
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of boundary.coordinates.flat(2)) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * kx, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD) / spanY);
  // Centre the drawing in the box.
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const x = (lon: number) => (offsetX + (lon - west) * kx * scale).toFixed(1);
  const y = (lat: number) => (offsetY + (north - lat) * scale).toFixed(1);
  const d = boundary.coordinates
    .flatMap((polygon) => polygon.map((ring) => `M${ring.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join("L")}Z`))
    .join("");

  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="h-auto max-w-full rounded-md border border-line bg-white"
      data-testid="jurisdiction-outline"
    >
      <title>{label}</title>
      <path
        d={d}
        fill="#dbeafe"
        stroke="#1e3a8a"
        strokeWidth={1.5}
        fillRule="evenodd"
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
