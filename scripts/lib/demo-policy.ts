// When the tooling may put the demo world in a database. The demo accounts share a published
// password and their authenticator secrets follow from their addresses, so anyone who has read
// the README can sign in to them: they belong in a throwaway database, never in a real one.
// The demo world is the default only for the embedded database; an external one (DATABASE_URL)
// gets it only when asked for twice (--demo --force-demo), and never in production.

export type DemoRequest = {
  /** The database is the embedded one `npm start` runs for this checkout. */
  embedded: boolean;
  /** --demo or CG_DEMO=1 (true), CG_DEMO=0 (false), or neither (undefined). */
  demo: boolean | undefined;
  /** --force-demo or CG_DEMO_FORCE=1: yes, this external database is a throwaway demo. */
  force: boolean;
  production: boolean;
};

export type DemoDecision = { seed: true } | { seed: false; refusal?: string };

export function demoSeedDecision(r: DemoRequest): DemoDecision {
  if (r.embedded) return r.demo === false ? { seed: false } : { seed: true };
  if (!r.demo) return { seed: false };
  if (r.production) {
    return {
      seed: false,
      refusal:
        "Refusing to seed the demo world: NODE_ENV is production and the database is external (DATABASE_URL). " +
        "Demo accounts share a published password and anyone can compute their authenticator codes. " +
        "Create real accounts with `npm run admin:create` instead.",
    };
  }
  if (!r.force) {
    return {
      seed: false,
      refusal:
        "Refusing to seed the demo world into an external database (DATABASE_URL). " +
        "Demo accounts share a published password and anyone can compute their authenticator codes, " +
        "so they must never reach a real database. If this database is a throwaway demo, add --force-demo " +
        "(or CG_DEMO_FORCE=1); otherwise create the first administrator with `npm run admin:create`.",
    };
  }
  return { seed: true };
}

/** Said when a production start meets a database that holds demo accounts. */
export const DEMO_IN_PRODUCTION =
  "Refusing to start: NODE_ENV is production and the database (DATABASE_URL) holds the demo world " +
  "(accounts under .demo addresses, whose password is published and whose authenticator codes anyone can compute). " +
  "Use a database without demo data, and create real accounts with `npm run admin:create`.";

/** `--demo` / `--force-demo` on the command line, else CG_DEMO / CG_DEMO_FORCE. */
export function demoFlags(
  flags: { demo?: boolean; "force-demo"?: boolean },
  env: { CG_DEMO?: "0" | "1"; CG_DEMO_FORCE?: "0" | "1" },
): { demo: boolean | undefined; force: boolean } {
  const demo = flags.demo ? true : env.CG_DEMO === undefined ? undefined : env.CG_DEMO === "1";
  return { demo, force: !!flags["force-demo"] || env.CG_DEMO_FORCE === "1" };
}
