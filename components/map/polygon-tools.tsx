"use client";
// Polygon controls beside the map: undo, finish and clear, and the vertex list as text, so a
// polygon can be made and corrected without a pointer.
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { Sketch } from "./area-sketch";

type Props = {
  sketch: Sketch;
  onUndo: () => void;
  onFinish: () => void;
  onClear: () => void;
  vertexText: string;
  onVertexText: (text: string) => void;
  onOpenVertices: () => void;
  onApplyVertices: () => void;
  vertexError: string | null;
};

export function PolygonTools({
  sketch,
  onUndo,
  onFinish,
  onClear,
  vertexText,
  onVertexText,
  onOpenVertices,
  onApplyVertices,
  vertexError,
}: Props) {
  const t = useT("operations.area");
  const n = sketch.vertices.length;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={onUndo}
          disabled={!sketch.drawing || n === 0}
          data-testid="area-undo"
        >
          {t("undo")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={onFinish}
          disabled={!sketch.drawing || n < 3}
          data-testid="area-finish"
        >
          {t("finish")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={onClear}
          disabled={n === 0 && !sketch.complex}
          data-testid="area-clear"
        >
          {t("clear")}
        </Button>
        <span className="text-sm text-muted" data-testid="area-vertex-count">
          {t("vertexCount", { count: n })}
        </span>
      </div>
      <details
        className="rounded-md border border-line bg-white p-3"
        onToggle={(e) => (e.currentTarget.open ? onOpenVertices() : undefined)}
      >
        <summary className="cursor-pointer text-sm font-semibold">{t("enterVertices")}</summary>
        <div className="mt-3 flex flex-col gap-2">
          <label htmlFor="area-vertices" className="text-sm font-medium">
            {t("verticesLabel")}
          </label>
          <p id="area-vertices-hint" className="text-sm text-muted">
            {t("verticesHint")}
          </p>
          <textarea
            id="area-vertices"
            data-testid="area-vertices"
            rows={5}
            value={vertexText}
            onChange={(e) => onVertexText(e.target.value)}
            aria-invalid={vertexError ? true : undefined}
            aria-describedby={vertexError ? "area-vertices-hint area-vertices-error" : "area-vertices-hint"}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm shadow-sm aria-[invalid=true]:border-danger"
          />
          {vertexError ? (
            <p id="area-vertices-error" className="text-sm font-medium text-danger">
              {vertexError}
            </p>
          ) : null}
          <div>
            <Button type="button" variant="secondary" onClick={onApplyVertices} data-testid="area-vertices-apply">
              {t("applyVertices")}
            </Button>
          </div>
        </div>
      </details>
    </div>
  );
}
