"use client";
// The notice part of the filing form as one piece of state: its field values, the live recipient
// preview and whether the filing must be exigent, and what it adds to the form's input.
import { useState } from "react";
import type { Area } from "@/lib/deconfliction/types";
import { emptyNoticeValues, noticeInput, type NoticeFieldValues } from "./notice-field-values";
import {
  exigentFromPreview,
  useRecipientPreview,
  type RecipientPreviewAction,
  type RecipientPreviewState,
} from "./use-recipient-preview";

/** What the page hands the filing form for its notice part. */
export type NoticeFormProps = {
  preview: RecipientPreviewAction;
  /** Agencies the filer may add (every other active agency). */
  agencies: { id: string; name: string }[];
  initial?: NoticeFieldValues;
};

export type NoticeFormPart = {
  values: NoticeFieldValues;
  setValues: (next: NoticeFieldValues) => void;
  state: RecipientPreviewState;
  exigent: boolean;
  input: () => Record<string, unknown>;
};

const idle: RecipientPreviewAction = async () => ({ ok: false, formError: "errors.generic", fieldErrors: {} });

export function useNoticeFormPart(
  props: NoticeFormProps | undefined,
  window: { area: Area | null; startsAt: string | undefined; endsAt: string | undefined; operationId?: string },
): NoticeFormPart {
  const [values, setValues] = useState<NoticeFieldValues>(() => props?.initial ?? emptyNoticeValues());
  const state = useRecipientPreview(props?.preview ?? idle, {
    ...window,
    area: props ? window.area : null,
    addedAgencyIds: values.addedAgencyIds,
  });
  // Once shown, the exigent part stays while the filer has started filling it in.
  const exigent = exigentFromPreview(state) || values.exigentReason !== "" || values.exigentSignOff !== "";
  return { values, setValues, state, exigent, input: () => (props ? noticeInput(values, { exigent }) : {}) };
}
