"use client";
// Adding an endpoint: its URL, an optional description and the events to send; the signing secret
// is shown once afterwards.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { webhookEndpointInputSchema } from "@/lib/validation/webhook";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { CheckboxGroup } from "../_components/checkbox-group";
import { useActionForm } from "../_components/form-state";
import { createWebhookEndpointAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

export function CreateEndpointForm() {
  const t = useT("webhooks");
  const router = useRouter();
  const form = useActionForm();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { url, description, events };
    form.submit(
      webhookEndpointInputSchema,
      input,
      () => createWebhookEndpointAction(input),
      (data) => {
        setCreated(data);
        setUrl("");
        setDescription("");
        setEvents([]);
        router.refresh();
      },
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4" data-testid="create-webhook-form">
        <TextField
          label={t("url")}
          name="url"
          type="url"
          value={url}
          hint={t("urlHint")}
          onChange={(e) => setUrl(e.target.value)}
          error={form.errorFor("url")}
          autoComplete="off"
          required
        />
        <TextField
          label={t("descriptionLabel")}
          name="description"
          value={description}
          hint={t("descriptionHint")}
          onChange={(e) => setDescription(e.target.value)}
          error={form.errorFor("description")}
          autoComplete="off"
        />
        <CheckboxGroup
          legend={t("eventsLegend")}
          name="events"
          hint={t("eventsHint")}
          options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: `${t(`event.${e}`)} (${e})` }))}
          selected={events}
          onChange={setEvents}
          error={form.errorFor("events")}
        />
        <FormError message={form.formError} />
        <Button type="submit" disabled={form.pending} className="self-start">
          {t("create")}
        </Button>
      </form>
      {created ? (
        <SecretReveal id="new-webhook-secret" title={t("createdTitle", { url: created.url })} secret={created.secret} />
      ) : null}
    </div>
  );
}
