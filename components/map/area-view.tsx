"use client";
// Loads the read-only area map in the browser only (Leaflet needs `window`).
import dynamic from "next/dynamic";
import type { Area } from "@/lib/deconfliction/types";
import { MapPlaceholder } from "./map-placeholder";

const AreaViewMap = dynamic(() => import("./area-view-map"), { ssr: false, loading: () => <MapPlaceholder /> });

type Props = { area: Area; tileUrl?: string | null; label: string; marker?: { lon: number; lat: number } | null; markerLabel?: string };

export function AreaView({ area, tileUrl, label, marker, markerLabel }: Props) {
  return (
    <figure className="flex flex-col gap-2">
      <AreaViewMap area={area} tileUrl={tileUrl} marker={marker} markerLabel={markerLabel} />
      <figcaption className="text-sm text-muted">{label}</figcaption>
    </figure>
  );
}
