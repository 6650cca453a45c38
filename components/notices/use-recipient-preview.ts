"use client";
// Asks who would be notified ~400 ms after the area, window or added agencies stop changing.
// Only the latest answer is shown; an older one arriving late is dropped.
import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/app/_lib/action-result";
import type { Area } from "@/lib/deconfliction/types";
import type { RecipientPreview } from "@/lib/notices/preview-recipients";
import { dryRunSchema } from "@/lib/validation/operation";

export type RecipientPreviewAction = (input: unknown) => Promise<ActionResult<RecipientPreview>>;

export type RecipientPreviewState =
  | { kind: "idle" }
  | { kind: "checking"; last: RecipientPreview | null }
  | { kind: "done"; preview: RecipientPreview }
  | { kind: "error" };

export function useRecipientPreview(
  action: RecipientPreviewAction,
  input: { area: Area | null; startsAt: string | undefined; endsAt: string | undefined; addedAgencyIds: string[]; operationId?: string },
): RecipientPreviewState {
  const [state, setState] = useState<RecipientPreviewState>({ kind: "idle" });
  const latest = useRef(0);
  const last = useRef<RecipientPreview | null>(null);
  const key = JSON.stringify(input);

  useEffect(() => {
    const ticket = ++latest.current;
    const checkable = input.area && dryRunSchema.safeParse(input).success;
    const timer = setTimeout(
      async () => {
        if (!checkable) return setState({ kind: "idle" });
        setState({ kind: "checking", last: last.current });
        try {
          const result = await action(input);
          if (ticket !== latest.current) return;
          if (result.ok) last.current = result.data;
          setState(result.ok ? { kind: "done", preview: result.data } : { kind: "error" });
        } catch {
          if (ticket === latest.current) setState({ kind: "error" });
        }
      },
      checkable ? 400 : 0,
    );
    return () => clearTimeout(timer);
    // `key` stands for `input`; the action is stable for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state;
}

/** Whether the filing would have to be exigent, as far as the latest answer knows. */
export function exigentFromPreview(state: RecipientPreviewState): boolean {
  if (state.kind === "done") return state.preview.exigentRequired;
  if (state.kind === "checking") return state.last?.exigentRequired ?? false;
  return false;
}
