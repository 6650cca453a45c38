"use client";
// What stands in for the map while Leaflet loads in the browser.
import { useT } from "@/components/i18n/i18n-provider";

export function MapPlaceholder() {
  const t = useT("common");
  return (
    <div
      className="flex h-72 w-full items-center justify-center rounded-md border border-line bg-slate-50 text-muted sm:h-96"
      aria-busy="true"
    >
      {t("loading")}
    </div>
  );
}
