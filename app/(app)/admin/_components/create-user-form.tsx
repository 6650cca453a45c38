"use client";
// Opening an account: name, address, roles and an initial password, checked with the shared
// schema before the server sees them, and again by the server.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/http/action-result";
import { createUserSchema, ROLE_LIST, type CreateUserInput } from "@/lib/validation/user";
import { createUserAction } from "../actions";
import { CheckboxGroup } from "./checkbox-group";
import { useActionForm } from "./form-state";

type Props = {
  roleLabels: Record<string, string>;
  /** Where the account is opened: the admin's own agency unless given. */
  save?: (input: CreateUserInput) => Promise<ActionResult<{ id: string }>>;
  /** After saving: the new user's admin page unless given. */
  done?: (id: string) => void;
  initialRoles?: string[];
};

export function CreateUserForm({ roleLabels, save = createUserAction, done, initialRoles = [] }: Props) {
  const t = useT("admin");
  const router = useRouter();
  const form = useActionForm();
  const blank = { name: "", email: "", title: "", password: "" };
  const [values, setValues] = useState(blank);
  const [roles, setRoles] = useState<string[]>(initialRoles);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, roles };
    form.submit(
      createUserSchema,
      input,
      () => save(input as CreateUserInput),
      (data) => {
        if (!done) return router.push(`/admin/users/${data.id}`);
        setValues(blank);
        setRoles(initialRoles);
        done(data.id);
      },
    );
  }

  const text = (name: keyof typeof values, label: string, props: Record<string, string | boolean> = {}) => (
    <TextField
      label={label}
      name={name}
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={form.errorFor(name)}
      {...props}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4" data-testid="create-user-form">
      {text("name", t("create.name"), { autoComplete: "off", required: true })}
      {text("email", t("create.email"), { type: "email", autoComplete: "off", required: true })}
      {text("title", t("create.jobTitle"), { autoComplete: "off" })}
      <CheckboxGroup
        legend={t("create.roles")}
        name="roles"
        options={ROLE_LIST.map((r) => ({ value: r, label: roleLabels[r] }))}
        selected={roles}
        onChange={setRoles}
        error={form.errorFor("roles")}
      />
      {text("password", t("create.password"), {
        type: "password",
        autoComplete: "new-password",
        required: true,
        hint: t("create.passwordHint"),
      })}
      <FormError message={form.formError} />
      <Button type="submit" disabled={form.pending} className="self-start">
        {t("create.submit")}
      </Button>
    </form>
  );
}
