"use client";
// The Leaflet map every area view shares: offline US state and county borders and the names of
// states, counties and places (public/map, built by scripts/build-base-map.ts), plus remote
// street tiles only when a deployment configures MAP_TILE_URL.
import "leaflet/dist/leaflet.css";
import { useEffect, useState, type ReactNode } from "react";
import { GeoJSON, MapContainer, TileLayer, useMap, useMapEvents } from "react-leaflet";
import type { PathOptions } from "leaflet";
import type { Bounds } from "./geometry";
import { NameLabels } from "./name-labels";

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
  f?.properties?.kind === "nation"
    ? { color: "#475569", weight: 1.5, opacity: 0.9, className: "cg-state-line" }
    : { color: "#64748b", weight: 1, opacity: 0.8, className: "cg-state-line" };
const countyStyle: PathOptions = { color: "#94a3b8", weight: 0.8, opacity: 0.9, className: "cg-county-line" };

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
export function FitBounds({
  bounds,
  fitKey,
  maxZoom = 15,
}: {
  bounds: Bounds | null;
  fitKey: string | number;
  maxZoom?: number;
}) {
  const map = useMap();
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom });
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
  region,
  children,
}: {
  initialBounds: Bounds;
  tileUrl?: string | null;
  testId: string;
  className?: string;
  /** The counties the area lies in, named in a corner: their labels may be out of view when zoomed in. */
  region?: string | null;
  children?: ReactNode;
}) {
  return (
    <div
      data-testid={testId}
      className={`relative isolate h-72 w-full overflow-hidden rounded-md border border-line bg-slate-50 sm:h-96 ${className}`}
    >
      <MapContainer
        bounds={initialBounds}
        boundsOptions={{ padding: [16, 16] }}
        className="h-full w-full bg-slate-50!"
        worldCopyJump
        scrollWheelZoom
      >
        {tileUrl ? <TileLayer url={tileUrl} /> : null}
        <BaseLayers />
        <NameLabels />
        {children}
      </MapContainer>
      {region ? (
        <p
          aria-hidden="true"
          className="pointer-events-none absolute right-2 top-2 z-[1000] max-w-[calc(100%-4.5rem)] rounded bg-white/95 px-2 py-1 text-xs font-semibold text-slate-800 shadow-sm"
          data-map-label="region"
        >
          {region}
        </p>
      ) : null}
    </div>
  );
}
