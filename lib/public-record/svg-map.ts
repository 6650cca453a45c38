// Jurisdiction outlines projected to an SVG path, for a map that renders on the server and needs
// no JavaScript or tiles. Equirectangular, stretched by the cosine of the middle latitude (true
// enough at county scale); points closer than half a pixel are dropped to keep the page light.
import { asMultiPolygon } from "../agencies/boundary";

export type MapShape<T> = T & { path: string; labelX: number; labelY: number };

export function projectShapes<T extends { boundary: unknown }>(
  items: T[],
  width: number,
): { width: number; height: number; shapes: MapShape<Omit<T, "boundary">>[] } {
  const polys = items.map((i) => asMultiPolygon(i.boundary));
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity;
  for (const p of polys)
    for (const poly of p?.coordinates ?? [])
      for (const [lon, lat] of poly[0] ?? []) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
  if (!Number.isFinite(minLon)) return { width, height: 0, shapes: [] };
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const pad = 8;
  const scale = (width - 2 * pad) / Math.max((maxLon - minLon) * k, 1e-9);
  const height = Math.round((maxLat - minLat) * scale + 2 * pad);
  const px = (lon: number) => pad + (lon - minLon) * k * scale;
  const py = (lat: number) => pad + (maxLat - lat) * scale;
  const shapes: MapShape<Omit<T, "boundary">>[] = [];
  items.forEach((item, i) => {
    const poly = polys[i];
    if (!poly) return;
    const rest = Object.fromEntries(Object.entries(item).filter(([k]) => k !== "boundary"));
    let d = "";
    let sx = 0,
      sy = 0,
      n = 0;
    for (const polygon of poly.coordinates)
      for (const ring of polygon) {
        let last: [number, number] | null = null;
        ring.forEach(([lon, lat], j) => {
          const p: [number, number] = [px(lon), py(lat)];
          if (last && j < ring.length - 1 && Math.abs(p[0] - last[0]) < 0.5 && Math.abs(p[1] - last[1]) < 0.5) return;
          d += `${last ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
          sx += p[0];
          sy += p[1];
          n++;
          last = p;
        });
        d += "Z";
      }
    shapes.push({ ...(rest as Omit<T, "boundary">), path: d, labelX: n ? sx / n : 0, labelY: n ? sy / n : 0 });
  });
  return { width, height, shapes };
}
