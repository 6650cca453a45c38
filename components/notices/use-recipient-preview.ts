"use client";
// Asks who would be notified ~400 ms after the area, window or added agencies stop changing.
// Only the latest answer is shown; an older one arriving late is dropped.
import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import type { Area } from "@/lib/deconfliction/types";
import type { RecipientPreview } from "@/lib/notices/preview-recipients";
import { parseMsg } from "@/lib/i18n/issue";
import { dryRunSchema, PROBE_LIMIT_MESSAGES } from "@/lib/validation/operation";

export type RecipientPreviewAction = (input: unknown) => Promise<ActionResult<RecipientPreview>>;

export type RecipientPreviewState =
  | { kind: "idle" }
  | { kind: "checking"; last: RecipientPreview | null }
  | { kind: "done"; preview: RecipientPreview }
  | { kind: "error" }
  /** Larger than a dry run may look at (lib/validation/operation.ts): worked out on filing instead. */
  | { kind: "limit" };

export function useRecipientPreview(
  action: RecipientPreviewAction,
  input: {
    area: Area | null;
    startsAt: string | undefined;
    endsAt: string | undefined;
    addedAgencyIds: string[];
    operationId?: string;
  },
): RecipientPreviewState {
  const [state, setState] = useState<RecipientPreviewState>({ kind: "idle" });
  const latest = useRef(0);
  const last = useRef<RecipientPreview | null>(null);
  const key = JSON.stringify(input);

  useEffect(() => {
    const ticket = ++latest.current;
    const parsed = input.area ? dryRunSchema.safeParse(input) : null;
    const checkable = parsed?.success ?? false;
    const overLimit =
      parsed?.error?.issues.some((i) =>
        (PROBE_LIMIT_MESSAGES as readonly string[]).includes(parseMsg(i.message).key),
      ) ?? false;
    const timer = setTimeout(
      async () => {
        if (!checkable) return setState({ kind: overLimit ? "limit" : "idle" });
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
