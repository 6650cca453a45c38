"use client";
// Runs the dry-run check ~400 ms after the area, window or risk flags stop changing. Only the
// latest answer is shown; an older one arriving late is dropped. An area or window larger than a
// dry run may look at is not sent: the preview says so, and saving still checks the whole filing.
import { useEffect, useRef, useState } from "react";
import { dryRunSchema, PROBE_LIMIT_MESSAGES } from "@/lib/validation/operation";
import { parseMsg } from "@/lib/i18n/issue";
import type { Area } from "@/lib/deconfliction/types";
import type { ActionResult } from "@/lib/http/action-result";
import { useIssueText } from "@/components/i18n/i18n-provider";
import type { PreviewState } from "./conflict-preview";
import type { PreviewConflict } from "./preview-types";

export type PreviewAction = (input: unknown) => Promise<ActionResult<PreviewConflict[]>>;

export const PREVIEW_DEBOUNCE_MS = 400;

export function useConflictPreview(
  action: PreviewAction,
  input: {
    area: Area | null;
    startsAt: string | undefined;
    endsAt: string | undefined;
    riskFlags: string[];
    operationId?: string;
  },
): PreviewState {
  const issueText = useIssueText();
  const [state, setState] = useState<PreviewState>({ kind: "idle" });
  const latest = useRef(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    const parsed = input.area ? dryRunSchema.safeParse(input) : null;
    const ticket = ++latest.current;
    if (!parsed?.success) {
      // Nothing checkable yet, or more than a dry run may look at: say so, without waiting.
      const limit = parsed?.error.issues.find((i) =>
        (PROBE_LIMIT_MESSAGES as readonly string[]).includes(parseMsg(i.message).key),
      );
      const next: PreviewState = limit ? { kind: "limit", message: issueText(limit.message) } : { kind: "idle" };
      const timer = setTimeout(() => ticket === latest.current && setState(next), 0);
      return () => clearTimeout(timer);
    }
    const timer = setTimeout(async () => {
      setState({ kind: "checking" });
      try {
        const result = await action(input);
        if (ticket !== latest.current) return;
        setState(
          result.ok
            ? { kind: "done", conflicts: result.data }
            : { kind: "error", message: issueText(result.formError) },
        );
      } catch {
        if (ticket === latest.current) setState({ kind: "error", message: issueText("operations.preview.failed") });
      }
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for `input`; the action and translator are stable for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state;
}
