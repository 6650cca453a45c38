"use client";
// The operation area editor: a circle or a polygon, drawn on the map, typed as coordinates or
// pasted as GeoJSON. All three edit one sketch and yield the same validated area value.
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { AreaInWords } from "@/lib/geo/area-in-words";
import type { Area } from "@/lib/deconfliction/types";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { US_BOUNDS, formatVertexList, parseVertexList, round6, type Bounds, type LonLat } from "./geometry";
import {
  circleOf,
  emptySketch,
  evaluate,
  sketchBounds,
  sketchFromArea,
  type AreaStatus,
  type Shape,
  type Sketch,
} from "./area-sketch";
import { MapPlaceholder } from "./map-placeholder";
import { PolygonTools } from "./polygon-tools";
import { GeoJsonPaste } from "./geojson-paste";

const AreaDrawMap = dynamic(() => import("./area-draw-map"), { ssr: false, loading: () => <MapPlaceholder /> });

export type AreaEditorProps = {
  initialValue?: Area | null;
  onChange: (area: Area | null, status: AreaStatus) => void;
  /** Messages from the server for the area (i18n keys). */
  serverErrors?: string[];
  initialBounds?: Bounds | null;
  tileUrl?: string | null;
  describe?: DescribeAreaAction;
};

export type DescribeAreaAction = (area: unknown) => Promise<ActionResult<AreaInWords | null>>;

/** The area in words, asked of the server (which holds the gazetteer) once the drawing settles. */
function useAreaInWords(area: Area | null, describe?: DescribeAreaAction): { value: AreaInWords | null } | null {
  const key = area ? JSON.stringify(area) : "";
  const [words, setWords] = useState<{ key: string; value: AreaInWords | null } | null>(null);
  useEffect(() => {
    if (!key || !describe) return;
    let live = true;
    const timer = setTimeout(() => {
      void describe(JSON.parse(key)).then((r) => {
        if (live && r.ok) setWords({ key, value: r.data });
      });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, describe]);
  return words && words.key === key ? words : null;
}

const inputCls =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-ink shadow-sm aria-[invalid=true]:border-danger";

export function AreaEditor({
  initialValue,
  onChange,
  serverErrors = [],
  initialBounds,
  tileUrl,
  describe,
}: AreaEditorProps) {
  const t = useT("operations.area");
  const issueText = useIssueText();
  const [sketch, setSketch] = useState<Sketch>(() => sketchFromArea(initialValue));
  const [fit, setFit] = useState<{ key: number; bounds: Bounds | null }>(() => ({
    key: 0,
    bounds: initialValue ? sketchBounds(sketchFromArea(initialValue)) : null,
  }));
  const [vertexText, setVertexText] = useState("");
  const [vertexError, setVertexError] = useState<string | null>(null);
  const ev = evaluate(sketch);
  const words = useAreaInWords(ev.status === "valid" ? ev.area : null, describe);
  const tGeo = useT("geo");

  function commit(next: Sketch, refit = false) {
    setSketch(next);
    const e = evaluate(next);
    onChange(e.area, e.status);
    if (refit) setFit((f) => ({ key: f.key + 1, bounds: sketchBounds(next) }));
  }

  const setShape = (shape: Shape) => commit({ ...sketch, shape });

  function onMapClick([lon, lat]: LonLat) {
    if (sketch.shape === "CIRCLE") return commit({ ...sketch, lat: String(round6(lat)), lon: String(round6(lon)) });
    if (sketch.complex) return;
    if (sketch.drawing) return commit({ ...sketch, vertices: [...sketch.vertices, [lon, lat]] });
    if (sketch.vertices.length === 0) commit({ ...sketch, vertices: [[lon, lat]], drawing: true });
  }

  function onVertexMove(i: number, p: LonLat) {
    commit({ ...sketch, vertices: sketch.vertices.map((v, j) => (j === i ? p : v)) });
  }

  function applyVertices() {
    const parsed = parseVertexList(vertexText);
    if (!parsed.ok) return setVertexError(parsed.message);
    setVertexError(null);
    commit({ ...sketch, shape: "POLYGON", vertices: parsed.value, drawing: false, complex: null }, true);
  }

  const messages = [...ev.issues, ...serverErrors.filter((m) => !ev.issues.includes(m))];
  const circle = circleOf(sketch);
  const instructions =
    sketch.shape === "CIRCLE"
      ? t("howCircle")
      : sketch.complex
        ? t("howComplex")
        : sketch.drawing
          ? t("howDrawing", { count: sketch.vertices.length })
          : sketch.vertices.length > 0
            ? t("howEdit")
            : t("howPolygon");

  return (
    <fieldset className="flex flex-col gap-3" data-testid="area-editor" data-area-status={ev.status}>
      <legend className="mb-1 text-base font-semibold">{t("legend")}</legend>
      <div role="radiogroup" aria-label={t("shape")} className="flex flex-wrap gap-4">
        {(["POLYGON", "CIRCLE"] as const).map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm font-medium">
            <input
              type="radio"
              name="areaShape"
              value={s}
              checked={sketch.shape === s}
              onChange={() => setShape(s)}
              data-testid={`area-shape-${s.toLowerCase()}`}
            />
            {t(s === "CIRCLE" ? "circle" : "polygon")}
          </label>
        ))}
      </div>
      <p id="area-instructions" className="text-sm text-muted" aria-live="polite">
        {instructions}
      </p>
      <AreaDrawMap
        shape={sketch.shape}
        circle={circle}
        vertices={sketch.vertices}
        drawing={sketch.drawing}
        complex={sketch.complex}
        invalid={ev.status === "invalid"}
        fit={fit}
        initialBounds={initialBounds ?? US_BOUNDS}
        tileUrl={tileUrl}
        region={words?.value?.counties}
        labels={{ center: t("centerHandle"), vertex: (n) => t("vertexHandle", { n }) }}
        onMapClick={onMapClick}
        onCenterMove={([lon, lat]) => commit({ ...sketch, lat: String(round6(lat)), lon: String(round6(lon)) })}
        onVertexMove={onVertexMove}
      />
      <p className="text-sm" aria-live="polite" data-testid="area-description" data-state={words ? "done" : "pending"}>
        {words?.value ? (
          <>
            <span className="font-semibold">{tGeo("whereHeading")}: </span>
            {words.value.text}
          </>
        ) : null}
      </p>
      {sketch.shape === "CIRCLE" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          {(["lat", "lon", "radius"] as const).map((k) => (
            <div key={k} className="flex flex-col gap-1">
              <label htmlFor={`area-${k}`} className="text-sm font-medium">
                {t(k === "lat" ? "latitude" : k === "lon" ? "longitude" : "radius")}
              </label>
              <input
                id={`area-${k}`}
                data-testid={`area-${k}`}
                type="number"
                inputMode="decimal"
                step="any"
                min={k === "radius" ? 1 : undefined}
                value={sketch[k]}
                className={inputCls}
                aria-invalid={ev.status === "invalid" ? true : undefined}
                aria-describedby={messages.length ? "area-error" : undefined}
                onChange={(e) => commit({ ...sketch, [k]: e.target.value })}
                onBlur={() => setFit((f) => ({ key: f.key + 1, bounds: sketchBounds(sketch) }))}
              />
            </div>
          ))}
        </div>
      ) : (
        <PolygonTools
          sketch={sketch}
          onUndo={() =>
            commit({ ...sketch, vertices: sketch.vertices.slice(0, -1), drawing: sketch.vertices.length > 1 })
          }
          onFinish={() => commit({ ...sketch, drawing: false })}
          onClear={() => commit({ ...emptySketch("POLYGON"), lat: sketch.lat, lon: sketch.lon, radius: sketch.radius })}
          vertexText={vertexText}
          onVertexText={setVertexText}
          onOpenVertices={() => setVertexText(sketch.vertices.length ? formatVertexList(sketch.vertices) : vertexText)}
          onApplyVertices={applyVertices}
          vertexError={vertexError ? issueText(vertexError) : null}
        />
      )}
      <GeoJsonPaste sketch={sketch} onApply={(next) => commit(next, true)} />
      <div id="area-error" tabIndex={-1} aria-live="polite" data-testid="area-error">
        {messages.length ? (
          <ul className="list-disc rounded-md border border-danger bg-red-50 py-2 pl-8 pr-3 text-sm text-danger">
            {messages.map((m) => (
              <li key={m}>{issueText(m)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}
