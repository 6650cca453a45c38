// The audit actions written by API token management and API use.
export const API_AUDIT = {
  tokenCreate: "api.token.create",
  tokenRevoke: "api.token.revoke",
  request: "api.request",
} as const;
