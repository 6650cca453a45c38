// Messages shipped to the browser beyond a page's own (see app/_i18n/client-messages.tsx).

/**
 * Validation messages of the shared schemas (passwords, list queries, operation windows and areas,
 * agency boundaries) that a form's server action can return from deep in the domain code, for pages
 * whose forms show them (`<ClientMessages forms>`).
 */
export const FORM_MESSAGES = [
  "auth.password",
  "auth.signIn.codeFormat",
  "admin.settings.languagesRequired",
  "lists.validation",
  "operations.validation",
  "area",
  "platform.boundary",
  "platform.form.slugFormat",
] as const;
