"use client";
// Answer in the thread both agencies see: a quick reply in one press, or a written message.
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { REPLY_KINDS, replySchema } from "@/lib/validation/notice";
import { useIssueText, useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextArea } from "@/components/ui/field";
import { useNoticeAction } from "./use-notice-action";

export type ReplyAction = (input: { id: string; kind: string; body: string }) => Promise<ActionResult>;

const QUICK = REPLY_KINDS.filter((k) => k !== "TEXT");

export function ReplyForm({ id, action }: { id: string; action: ReplyAction }) {
  const t = useT("notices");
  const issueText = useIssueText();
  const [body, setBody] = useState("");
  const { run, pending, formError, fieldErrors, setFieldErrors } = useNoticeAction(action);

  async function send(kind: string) {
    const parsed = replySchema.safeParse({ kind, body });
    if (!parsed.success) {
      setFieldErrors({ body: parsed.error.issues[0].message });
      return;
    }
    if (await run({ id, kind, body })) setBody("");
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void send("TEXT");
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex flex-col gap-3"
      data-testid="reply-form"
      aria-labelledby="reply-title"
    >
      <h3 id="reply-title" className="sr-only">
        {t("thread.send")}
      </h3>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">{t("thread.quickReplies")}</legend>
        <div className="flex flex-wrap gap-2">
          {QUICK.map((k) => (
            <Button
              key={k}
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => send(k)}
              data-testid={`quick-${k}`}
            >
              {t(`threadKinds.${k}`)}
            </Button>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={t("thread.message")}
        name="reply-body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        error={fieldErrors.body ? issueText(fieldErrors.body) : undefined}
        hint={t("thread.intro")}
      />
      <div>
        <Button type="submit" disabled={pending} data-testid="send-reply">
          {pending ? t("thread.sending") : t("thread.send")}
        </Button>
      </div>
      <FormError message={formError ? issueText(formError) : null} />
    </form>
  );
}
