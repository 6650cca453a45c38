"use client";
// Loads the read-only area map in the browser only (Leaflet needs `window`), with the area in
// words beside it: the words are what a screen reader (or anyone) reads; the map illustrates.
import dynamic from "next/dynamic";
import type { Area } from "@/lib/deconfliction/types";
import type { AreaInWords } from "@/lib/geo/area-in-words";
import { useT } from "@/components/i18n/i18n-provider";
import { MapPlaceholder } from "./map-placeholder";

const AreaViewMap = dynamic(() => import("./area-view-map"), { ssr: false, loading: () => <MapPlaceholder /> });

type Props = {
  area: Area;
  tileUrl?: string | null;
  label: string;
  marker?: { lon: number; lat: number } | null;
  markerLabel?: string;
  words?: AreaInWords | null;
};

export function AreaView({ area, tileUrl, label, marker, markerLabel, words }: Props) {
  const t = useT("geo");
  return (
    <figure className="flex flex-col gap-2">
      {words ? (
        <p className="text-sm" data-testid="area-description">
          <span className="font-semibold">{t("whereHeading")}: </span>
          {words.text}
        </p>
      ) : null}
      <AreaViewMap area={area} tileUrl={tileUrl} marker={marker} markerLabel={markerLabel} region={words?.counties} />
      <figcaption className="text-sm text-muted">{label}</figcaption>
    </figure>
  );
}
