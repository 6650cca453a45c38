"use client";
// The clickable part of the area editor: places a circle's centre or a polygon's vertices, and
// lets them be dragged. Everything here also has a keyboard equivalent in the editor's inputs.
import { divIcon, type LeafletMouseEvent, type Marker as LeafletMarker } from "leaflet";
import { Circle, Marker, Polygon, Polyline, useMapEvents } from "react-leaflet";
import { FitBounds, MapFrame } from "./map-frame";
import { geometryToLatLngs, unwrapLons, wrapLon, type Bounds, type LonLat } from "./geometry";
import type { AreaGeometry } from "@/lib/deconfliction/types";

export type DrawMapProps = {
  shape: "CIRCLE" | "POLYGON";
  circle: { center: LonLat; radiusM: number } | null;
  vertices: LonLat[];
  drawing: boolean;
  complex: AreaGeometry | null;
  invalid: boolean;
  fit: { key: number; bounds: Bounds | null };
  initialBounds: Bounds;
  tileUrl?: string | null;
  region?: string | null;
  labels: { center: string; vertex: (n: number) => string };
  onMapClick: (p: LonLat) => void;
  onCenterMove: (p: LonLat) => void;
  onVertexMove: (index: number, p: LonLat) => void;
};

const handleIcon = (kind: "center" | "vertex" | "first") =>
  divIcon({
    className: `rounded-full border-2 border-white shadow ${kind === "first" ? "bg-amber-600" : "bg-blue-700"}`,
    iconSize: kind === "center" ? [16, 16] : [14, 14],
  });

const lonLat = (e: { lat: number; lng: number }): LonLat => [wrapLon(e.lng), e.lat];

function ClickCapture({ onClick }: { onClick: (p: LonLat) => void }) {
  useMapEvents({ click: (e: LeafletMouseEvent) => onClick(lonLat(e.latlng)) });
  return null;
}

function DraggableHandle({
  position,
  icon,
  title,
  onMove,
}: {
  position: [number, number];
  icon: ReturnType<typeof handleIcon>;
  title: string;
  onMove: (p: LonLat) => void;
}) {
  return (
    <Marker
      position={position}
      icon={icon}
      title={title}
      draggable
      keyboard={false}
      eventHandlers={{ dragend: (e) => onMove(lonLat((e.target as LeafletMarker).getLatLng())) }}
    />
  );
}

export default function AreaDrawMap(props: DrawMapProps) {
  const { shape, circle, vertices, drawing, complex, invalid } = props;
  const color = invalid ? "#b91c1c" : "#1d4ed8";
  const shown = unwrapLons(vertices).map(([lon, lat]) => [lat, lon] as [number, number]);
  return (
    <MapFrame
      initialBounds={props.initialBounds}
      tileUrl={props.tileUrl}
      region={props.region}
      testId="area-map"
      className={drawing || shape === "CIRCLE" ? "[&_.leaflet-container]:cursor-crosshair" : ""}
    >
      <ClickCapture onClick={props.onMapClick} />
      <FitBounds bounds={props.fit.bounds} fitKey={props.fit.key} />
      {shape === "CIRCLE" && circle ? (
        <>
          <Circle
            center={[circle.center[1], circle.center[0]]}
            radius={circle.radiusM}
            pathOptions={{ color, weight: 2, fillOpacity: 0.15 }}
            interactive={false}
          />
          <DraggableHandle
            position={[circle.center[1], circle.center[0]]}
            icon={handleIcon("center")}
            title={props.labels.center}
            onMove={props.onCenterMove}
          />
        </>
      ) : null}
      {shape === "POLYGON" && complex
        ? geometryToLatLngs(complex).map((rings, i) => (
            <Polygon
              key={i}
              positions={rings}
              pathOptions={{ color, weight: 2, fillOpacity: 0.15 }}
              interactive={false}
            />
          ))
        : null}
      {shape === "POLYGON" && !complex && shown.length > 0 ? (
        <>
          {drawing ? (
            <Polyline positions={shown} pathOptions={{ color, weight: 2, dashArray: "6 4" }} interactive={false} />
          ) : (
            <Polygon positions={shown} pathOptions={{ color, weight: 2, fillOpacity: 0.15 }} interactive={false} />
          )}
          {shown.map((p, i) => (
            <DraggableHandle
              key={i}
              position={p}
              icon={handleIcon(i === 0 ? "first" : "vertex")}
              title={props.labels.vertex(i + 1)}
              onMove={(q) => props.onVertexMove(i, q)}
            />
          ))}
        </>
      ) : null}
    </MapFrame>
  );
}
