"use client";
// Loads the dashboard map in the browser only (Leaflet needs `window`).
import dynamic from "next/dynamic";
import { MapPlaceholder } from "@/components/map/map-placeholder";
import type { DashboardMapItem } from "./dashboard-map-view";

const DashboardMapView = dynamic(() => import("./dashboard-map-view"), {
  ssr: false,
  loading: () => <MapPlaceholder />,
});

export function DashboardMap(props: {
  items: DashboardMapItem[];
  jurisdiction: import("@/lib/validation/agency").MultiPolygon | null;
  tileUrl?: string | null;
  region?: string | null;
}) {
  return <DashboardMapView {...props} />;
}
