"use client";
// The Leaflet map every area view shares: offline US state and county borders (public/map,
// built from us-atlas), plus remote tiles only when a deployment configures MAP_TILE_URL.
import "leaflet/dist/leaflet.css";
import { useEffect, useState, type ReactNode } from "react";
import { GeoJSON, MapContainer, TileLayer, useMap, useMapEvents } from "react-leaflet";
import type { PathOptions } from "leaflet";
import type { Bounds } from "./geometry";

type Layer = GeoJSON.FeatureCollection;

const cache = new Map<string, Promise<Layer | null>>();

function loadLayer(name: string): Promise<Layer | null> {
  let p = cache.get(name);
  if (!p) {
    p = fetch(`/map/${name}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<Layer>) : null))
      .catch(() => null);
    cache.set(name, p);
  }
  return p;
}

function useLayer(name: string, enabled = true): Layer | null {
  const [data, setData] = useState<Layer | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void loadLayer(name).then((d) => {
      if (live) setData(d);
    });
    return () => {
      live = false;
    };
  }, [name, enabled]);
  return data;
}

const stateStyle = (f?: GeoJSON.Feature): PathOptions =>
  f?.properties?.kind === "nation" ? { color: "#475569", weight: 1.5, opacity: 0.9 } : { color: "#64748b", weight: 1, opacity: 0.8 };
const countyStyle: PathOptions = { color: "#94a3b8", weight: 0.6, opacity: 0.8 };

/** County lines appear once the map is zoomed in enough for them to help rather than clutter. */
const COUNTY_MIN_ZOOM = 6;

function BaseLayers() {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const states = useLayer("states");
  const counties = useLayer("counties", zoom >= COUNTY_MIN_ZOOM);
  return (
    <>
      {counties && zoom >= COUNTY_MIN_ZOOM ? <GeoJSON data={counties} style={countyStyle} interactive={false} /> : null}
      {states ? <GeoJSON data={states} style={stateStyle} interactive={false} /> : null}
    </>
  );
}

/** Moves the view to `bounds` each time `fitKey` changes. */
export function FitBounds({ bounds, fitKey }: { bounds: Bounds | null; fitKey: string | number }) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    // Only a new key moves the map; the bounds of a shape being drawn must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey, map]);
  return null;
}

export function MapFrame({
  initialBounds,
  tileUrl,
  testId,
  className = "",
  children,
}: {
  initialBounds: Bounds;
  tileUrl?: string | null;
  testId: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div data-testid={testId} className={`relative isolate h-72 w-full overflow-hidden rounded-md border border-line bg-slate-50 sm:h-96 ${className}`}>
      <MapContainer bounds={initialBounds} boundsOptions={{ padding: [16, 16] }} className="h-full w-full bg-slate-50!" worldCopyJump scrollWheelZoom>
        {tileUrl ? <TileLayer url={tileUrl} /> : null}
        <BaseLayers />
        {children}
      </MapContainer>
    </div>
  );
}
