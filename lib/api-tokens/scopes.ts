// What an API token may do. A token is given one or more scopes at creation; each /api/v1
// endpoint names the one it needs (app/api/v1/**/route.ts, listed in the README's API table):
//   read       — every GET: operations, conflicts, notices (and their CAP form)
//   file       — filing, editing and cancelling operations, the dry-run check, the notice preview,
//                acknowledging and replying to notices, asking for and deciding assistance
//   conflicts  — acknowledging and resolving conflicts
// Tokens made before scopes existed have all three.
export const API_SCOPES = ["read", "file", "conflicts"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && (API_SCOPES as readonly string[]).includes(value);
}

/** The known scopes among `values`, in canonical order (the column may hold them in any order). */
export function scopesOf(values: readonly string[]): ApiScope[] {
  return API_SCOPES.filter((s) => values.includes(s));
}
