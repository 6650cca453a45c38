// What the integration global setup hands to test files through vitest's inject().
export {};

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test server's maintenance database. */
    dbAdminUrl: string;
    /** The migrated template database each test file's database is cloned from. */
    dbTemplate: string;
  }
}
