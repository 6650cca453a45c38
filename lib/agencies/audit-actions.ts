// The audit actions written by agency administration, named once so the audit log's filter and
// the tests use the same strings.
export const AGENCY_AUDIT = {
  updateSettings: "agency.settings.update",
  create: "platform.agency.create",
  update: "platform.agency.update",
} as const;
