"use client";
// The dashboard's map: the agency's jurisdiction outlined, its own operations in blue and the
// operations it was told of in amber, each exactly as the notice carries it (a generalised area
// stays generalised). Offline borders and names come from the shared map frame.
import { Circle, Polygon, Tooltip } from "react-leaflet";
import type { Area } from "@/lib/deconfliction/types";
import type { MultiPolygon } from "@/lib/validation/agency";
import { FitBounds, MapFrame } from "@/components/map/map-frame";
import {
  US_BOUNDS,
  areaBounds,
  geometryToLatLngs,
  pointsBounds,
  type Bounds,
  type LatLng,
} from "@/components/map/geometry";

export type DashboardMapItem = {
  kind: "NOTICE" | "OWN";
  id: string;
  title: string;
  precision: "EXACT" | "GENERALIZED";
  area: Area;
};

const STYLE = {
  OWN: { color: "#1d4ed8", weight: 2, fillOpacity: 0.2 },
  NOTICE: { color: "#b45309", weight: 2, fillOpacity: 0.2 },
};
const JURISDICTION = { color: "#0f172a", weight: 2.5, fill: false, dashArray: "6 4" };

/** Framed to the operations when there are any (so they can be told apart), else to the jurisdiction. */
function boundsOf(items: DashboardMapItem[], jurisdiction: MultiPolygon | null): Bounds {
  const points: LatLng[] = [];
  for (const item of items) points.push(...(areaBounds(item.area) ?? []));
  if (points.length === 0 && jurisdiction)
    for (const [lon, lat] of jurisdiction.coordinates.flat(2)) points.push([lat, lon]);
  return pointsBounds(points) ?? US_BOUNDS;
}

export default function DashboardMapView({
  items,
  jurisdiction,
  tileUrl,
  region,
}: {
  items: DashboardMapItem[];
  jurisdiction: MultiPolygon | null;
  tileUrl?: string | null;
  region?: string | null;
}) {
  const bounds = boundsOf(items, jurisdiction);
  return (
    <MapFrame initialBounds={bounds} tileUrl={tileUrl} testId="dash-map" region={region}>
      <FitBounds bounds={bounds} fitKey={JSON.stringify(bounds)} maxZoom={12} />
      {jurisdiction ? (
        <Polygon
          positions={geometryToLatLngs(jurisdiction)}
          pathOptions={JURISDICTION}
          className="cg-jurisdiction"
          interactive={false}
        />
      ) : null}
      {items.map((item) => {
        const style = { ...STYLE[item.kind], dashArray: item.precision === "GENERALIZED" ? "4 4" : undefined };
        // Leaflet reads a class name only when the path is created, so it goes in as an option, not a style.
        const className = `cg-dash-area cg-dash-${item.kind.toLowerCase()}`;
        const tip = <Tooltip>{item.title}</Tooltip>;
        return item.area.kind === "CIRCLE" ? (
          <Circle
            key={`${item.kind}:${item.id}`}
            center={[item.area.center[1], item.area.center[0]]}
            radius={item.area.radiusM}
            pathOptions={style}
            className={className}
          >
            {tip}
          </Circle>
        ) : (
          <Polygon
            key={`${item.kind}:${item.id}`}
            positions={geometryToLatLngs(item.area.geometry)}
            pathOptions={style}
            className={className}
          >
            {tip}
          </Polygon>
        );
      })}
    </MapFrame>
  );
}
