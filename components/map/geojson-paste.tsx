"use client";
// "Paste GeoJSON": for areas drawn in another system. A Polygon or MultiPolygon (holes allowed),
// bare or inside a Feature; what is wrong with it is said in the person's language, and where.
import { useState } from "react";
import { areaGeometrySchema } from "@/lib/validation/area";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { geometryInText } from "./geometry";
import { isDrawable, withGeometry, type Sketch } from "./area-sketch";

export function GeoJsonPaste({ sketch, onApply }: { sketch: Sketch; onApply: (next: Sketch) => void }) {
  const t = useT("operations.area");
  const issueText = useIssueText();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<string[]>([]);

  function apply() {
    const checked = areaGeometrySchema.safeParse(text);
    if (checked.success) {
      setErrors([]);
      return onApply(withGeometry(sketch, checked.data));
    }
    const drawable = geometryInText(text);
    if (isDrawable(drawable)) {
      // Invalid but drawable: load it exactly as pasted, so the map shows it and the editor says
      // what is wrong with it (nothing is silently repaired, e.g. an unclosed ring).
      setErrors([]);
      return onApply({ ...sketch, shape: "POLYGON", vertices: [], drawing: false, complex: drawable });
    }
    setErrors([...new Set(checked.error.issues.map((i) => i.message))]);
  }

  return (
    <details className="rounded-md border border-line bg-white p-3">
      <summary className="cursor-pointer text-sm font-semibold">{t("pasteGeoJson")}</summary>
      <div className="mt-3 flex flex-col gap-2">
        <label htmlFor="area-geojson" className="text-sm font-medium">
          {t("geoJsonLabel")}
        </label>
        <p id="area-geojson-hint" className="text-sm text-muted">
          {t("geoJsonHint")}
        </p>
        <textarea
          id="area-geojson"
          data-testid="area-geojson"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? "area-geojson-hint area-geojson-error" : "area-geojson-hint"}
          className="rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-[invalid=true]:border-danger"
        />
        <div
          id="area-geojson-error"
          aria-live="polite"
          data-testid="area-geojson-error"
          className="text-sm font-medium text-danger"
        >
          {errors.map((m) => (
            <p key={m}>{issueText(m)}</p>
          ))}
        </div>
        <div>
          <Button type="button" variant="secondary" onClick={apply} data-testid="area-geojson-apply">
            {t("applyGeoJson")}
          </Button>
        </div>
      </div>
    </details>
  );
}
