// The audit actions written by sign-in, sessions and account security, named once so the audit
// views and the tests use the same strings.
export const AUTH_AUDIT = {
  signIn: "auth.signIn",
  signInThrottled: "auth.signIn.throttled",
  lockout: "auth.lockout",
  signOut: "auth.signOut",
  signOutEverywhere: "auth.signOutEverywhere",
  idleLock: "auth.session.idleLock",
  sessionExpired: "auth.session.expired",
  mfaEnrolStart: "auth.mfa.enrolStart",
  mfaEnrol: "auth.mfa.enrol",
  mfaReset: "auth.mfa.reset",
  passwordChange: "auth.password.change",
} as const;

/** Why a sign-in attempt failed, kept in the audit event's details. */
export type SignInFailureReason = "UNKNOWN_USER" | "BAD_PASSWORD" | "BAD_CODE" | "LOCKED" | "INACTIVE";
