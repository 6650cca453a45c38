// The audit actions written by API token management and API use.
export const API_AUDIT = {
  tokenCreate: "api.token.create",
  tokenRevoke: "api.token.revoke",
  request: "api.request",
  /** Refused requests after the first of their key in a window, counted (lib/api-tokens/refusal-audit.ts). */
  refusals: "api.request.refusals",
} as const;
