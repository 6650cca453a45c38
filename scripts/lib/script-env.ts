// The environment the tooling scripts (start, migrate, seed, test harness) read, validated
// once. The app's own configuration stays in lib/env.ts; these run before it can be valid.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const optionalUrl = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(""), z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")]))
  .transform((s) => s || undefined)
  .optional();

const schema = z.object({
  DATABASE_URL: optionalUrl,
  TEST_DATABASE_URL: optionalUrl,
  CG_DATA_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  START_SKIP_SERVE: z.enum(["0", "1"]).default("0"),
  CI: z.string().optional(),
  DEBUG_SCHEMA_ENGINE: z.enum(["0", "1"]).default("0"),
  NODE_ENV: z.string().optional(),
  // The demo world: CG_DEMO=1 asks for it (as --demo does), CG_DEMO=0 keeps it out of the
  // embedded database; CG_DEMO_FORCE=1 (--force-demo) allows it in an external one.
  CG_DEMO: z.enum(["0", "1"], { message: "CG_DEMO must be 0 or 1" }).optional(),
  CG_DEMO_FORCE: z.enum(["0", "1"], { message: "CG_DEMO_FORCE must be 0 or 1" }).optional(),
  // `npm run admin:create` reads the new administrator's password from here when set (automation).
  CG_ADMIN_PASSWORD: z.string().optional(),
  // The audit anchors' signing key (lib/env.ts); unset, derived from AUTH_SECRET.
  AUDIT_ANCHOR_KEY: z.string().optional(),
});

export type ScriptEnv = z.infer<typeof schema>;

export function scriptEnv(source: NodeJS.ProcessEnv = process.env): ScriptEnv {
  const parsed = schema.safeParse({ ...source, AUTH_SECRET: source.AUTH_SECRET ?? source.NEXTAUTH_SECRET });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** Where `npm start` keeps its state: the embedded database, the generated auth secret. */
export function dataDirFrom(e: ScriptEnv): string {
  return path.resolve(repoRoot, e.CG_DATA_DIR ?? ".data");
}

/** The key that signs the audit anchors, as the running portal has it (for audit:verify, audit:anchors). */
export async function scriptAnchorKey(e: ScriptEnv) {
  const { anchorKeyFrom } = await import("../../lib/audit/anchor");
  const { persistentAuthSecret } = await import("./auth-secret");
  return anchorKeyFrom({
    anchorKey: e.AUDIT_ANCHOR_KEY,
    authSecret: e.AUTH_SECRET ?? persistentAuthSecret(dataDirFrom(e)).secret,
  });
}
