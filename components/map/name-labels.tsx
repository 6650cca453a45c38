"use client";
// State, county and place names drawn on the map from data shipped with the app
// (public/map/labels.json and public/map/places/<ST>.json, built by scripts/build-base-map.ts), so
// a map without street tiles still shows where it is. Larger places appear first and smaller
// ones as the map zooms in; labels that would overlap are dropped. The names are decorative
// (the text beside the map says where the area is), so their pane is hidden from screen readers
// and nothing in it takes focus.
import { divIcon, type LatLngBounds } from "leaflet";
import { useEffect, useMemo, useState } from "react";
import { Marker, useMap, useMapEvents } from "react-leaflet";
import { useT } from "@/components/i18n/i18n-provider";

type Labels = { states: [string, number, number][]; counties: [string, number, number, string][] };
type PlaceRow = [string, number, number, number, string?];
type Index = Record<string, [number, number, number, number]>;

const PANE = "cg-labels";
const cache = new Map<string, Promise<unknown>>();

function load<T>(path: string): Promise<T | null> {
  let p = cache.get(path);
  if (!p) {
    p = fetch(`/map/${path}.json`)
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
    cache.set(path, p);
  }
  return p as Promise<T | null>;
}

function useJson<T>(paths: string[]): (T | null)[] {
  const key = paths.join("|");
  const [data, setData] = useState<{ key: string; values: (T | null)[] }>({ key: "", values: [] });
  useEffect(() => {
    let live = true;
    void Promise.all(key ? key.split("|").map((p) => load<T>(p)) : []).then((values) => {
      if (live) setData({ key, values });
    });
    return () => {
      live = false;
    };
  }, [key]);
  return data.key === key ? data.values : [];
}

/** The smallest place named at each zoom level; neighbourhoods only when zoomed right in. */
function minPopulation(zoom: number): number {
  if (zoom <= 5) return 500_000;
  if (zoom <= 6) return 200_000;
  if (zoom <= 7) return 100_000;
  if (zoom <= 8) return 40_000;
  if (zoom <= 9) return 15_000;
  if (zoom <= 10) return 5_000;
  return 0;
}
const NEIGHBOURHOOD_MIN_ZOOM = 12;
const STATE_MAX_ZOOM = 7;
const COUNTY_MIN_ZOOM = 7;
const PLACE_MIN_ZOOM = 5;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Label = { kind: "state" | "county" | "place"; text: string; lat: number; lon: number };

const icon = (l: Label) =>
  divIcon({
    className: `cg-map-label cg-map-label-${l.kind}`,
    html: `<span data-map-label="${l.kind}">${escape(l.text)}</span>`,
    iconSize: [0, 0],
  });

function intersects(bounds: LatLngBounds, [w, s, e, n]: [number, number, number, number]): boolean {
  return !(e < bounds.getWest() || w > bounds.getEast() || n < bounds.getSouth() || s > bounds.getNorth());
}

export function NameLabels() {
  const map = useMap();
  const t = useT("geo");
  const [view, setView] = useState(() => ({ zoom: map.getZoom(), bounds: map.getBounds() }));
  useMapEvents({ moveend: () => setView({ zoom: map.getZoom(), bounds: map.getBounds() }) });
  useEffect(() => {
    const pane = map.getPane(PANE) ?? map.createPane(PANE);
    pane.setAttribute("aria-hidden", "true");
    pane.classList.add("cg-map-labels");
    map.attributionControl?.addAttribution(escape(t("attribution")));
  }, [map, t]);

  const [labels] = useJson<Labels>(["labels"]);
  const [index] = useJson<Index>(["places/index"]);
  const padded = view.bounds.pad(0.2);
  const states =
    view.zoom >= PLACE_MIN_ZOOM && index ? Object.keys(index).filter((st) => intersects(padded, index[st])) : [];
  const placeFiles = useJson<PlaceRow[]>(states.map((st) => `places/${st}`));

  const shown = useMemo(() => {
    const { zoom, bounds } = view;
    const inView = (lat: number, lon: number) => bounds.contains([lat, lon]);
    const candidates: Label[] = [];
    // Order is priority: when labels collide the earlier one stays.
    if (labels && zoom <= STATE_MAX_ZOOM)
      for (const [text, lon, lat] of labels.states)
        if (inView(lat, lon)) candidates.push({ kind: "state", text, lat, lon });
    const places: (Label & { population: number })[] = [];
    const floor = minPopulation(zoom);
    for (const rows of placeFiles) {
      for (const [text, lon, lat, population, city] of rows ?? []) {
        if (population < floor || (city && zoom < NEIGHBOURHOOD_MIN_ZOOM) || !inView(lat, lon)) continue;
        places.push({ kind: "place", text, lat, lon, population });
      }
    }
    places.sort((a, b) => b.population - a.population);
    const big = places.filter((p) => p.population >= 100_000);
    candidates.push(...big);
    if (labels && zoom >= COUNTY_MIN_ZOOM) {
      for (const [name, lon, lat, st] of labels.counties)
        if (inView(lat, lon)) candidates.push({ kind: "county", text: countyLabel(name, st, t), lat, lon });
    }
    candidates.push(...places.filter((p) => p.population < 100_000));

    const kept: Label[] = [];
    const boxes: [number, number, number, number][] = [];
    for (const l of candidates) {
      const p = map.latLngToContainerPoint([l.lat, l.lon]);
      const w = l.text.length * (l.kind === "place" ? 7 : 7.5) + 12;
      const box: [number, number, number, number] =
        l.kind === "place" ? [p.x - 4, p.y - 9, p.x + w, p.y + 9] : [p.x - w / 2, p.y - 9, p.x + w / 2, p.y + 9];
      if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      boxes.push(box);
      kept.push(l);
      if (kept.length >= 80) break;
    }
    return kept;
  }, [view, labels, placeFiles, map, t]);

  return (
    <>
      {shown.map((l) => (
        <Marker
          key={`${l.kind}:${l.text}:${l.lat}:${l.lon}`}
          position={[l.lat, l.lon]}
          icon={icon(l)}
          pane={PANE}
          interactive={false}
          keyboard={false}
        />
      ))}
    </>
  );
}

/** County names as people say them; Louisiana has parishes, Alaska's names already say what they are. */
function countyLabel(
  name: string,
  stateFips: string,
  t: (key: string, params?: Record<string, string>) => string,
): string {
  return t(stateFips === "22" ? "parish" : stateFips === "02" ? "borough" : "county", { name });
}
