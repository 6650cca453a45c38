"use client";
// The recipient preview wired to the form's notice part (added agencies live in its values).
import { RecipientPreview } from "./recipient-preview";
import type { NoticeFormPart, NoticeFormProps } from "./use-notice-form-part";

export function NoticeRecipientsAside({ part, props }: { part: NoticeFormPart; props: NoticeFormProps }) {
  return (
    <RecipientPreview
      state={part.state}
      agencies={props.agencies}
      added={part.values.addedAgencyIds}
      onAddedChange={(ids) => part.setValues({ ...part.values, addedAgencyIds: ids })}
    />
  );
}
