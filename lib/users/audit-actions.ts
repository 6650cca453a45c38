// The audit actions written by user administration, named once so the audit log's filter and the
// tests use the same strings.
export const USER_AUDIT = {
  create: "user.create",
  deactivate: "user.deactivate",
  reactivate: "user.reactivate",
  changeRoles: "user.roles.change",
  // A platform administrator created on the server's command line (`npm run admin:create`).
  createPlatformAdmin: "user.platformAdmin.create",
} as const;
