"use client";
// A read-only map of one operation's area, framed to fit it.
import { Circle, CircleMarker, Polygon, Tooltip } from "react-leaflet";
import type { Area } from "@/lib/deconfliction/types";
import { FitBounds, MapFrame } from "./map-frame";
import { US_BOUNDS, areaBounds, geometryToLatLngs } from "./geometry";

const style = { color: "#1d4ed8", weight: 2, fillOpacity: 0.15 };

export type ViewMarker = { lon: number; lat: number } | null;

export default function AreaViewMap({
  area,
  tileUrl,
  marker,
  markerLabel,
  region,
}: {
  area: Area;
  tileUrl?: string | null;
  marker?: ViewMarker;
  markerLabel?: string;
  region?: string | null;
}) {
  const bounds = areaBounds(area) ?? US_BOUNDS;
  return (
    <MapFrame initialBounds={bounds} tileUrl={tileUrl} testId="area-view-map" region={region}>
      {/* Never closer than a town's scale: a small area still shows the places around it. */}
      <FitBounds bounds={bounds} fitKey={JSON.stringify(bounds)} maxZoom={13} />
      {area.kind === "CIRCLE" ? (
        <Circle
          center={[area.center[1], area.center[0]]}
          radius={area.radiusM}
          pathOptions={style}
          interactive={false}
        />
      ) : (
        geometryToLatLngs(area.geometry).map((rings, i) => (
          <Polygon key={i} positions={rings} pathOptions={style} interactive={false} />
        ))
      )}
      {marker ? (
        <CircleMarker
          center={[marker.lat, marker.lon]}
          radius={8}
          pathOptions={{ color: "#b91c1c", weight: 3, fillOpacity: 0.5 }}
        >
          {markerLabel ? (
            <Tooltip permanent direction="top">
              {markerLabel}
            </Tooltip>
          ) : null}
        </CircleMarker>
      ) : null}
    </MapFrame>
  );
}
