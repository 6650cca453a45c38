// Process configuration, validated once. Nothing else in the app reads process.env.
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address";
import { parseLimitOverrides } from "./rate-limit/limits";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  AUTH_SECRET: z.string().min(32, { message: "AUTH_SECRET must be at least 32 characters" }),
  NEXTAUTH_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Lets end-to-end tests move the server's clock forward. Never enable in production use.
  TEST_CLOCK: z.enum(["0", "1"]).default("0"),
  SMTP_URL: z.string().optional(),
  // The Ed25519 key that signs the audit chain's daily anchors: 32 random bytes, base64
  // (`openssl rand -base64 32`). Unset, it is derived from AUTH_SECRET (lib/audit/anchor.ts).
  AUDIT_ANCHOR_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, {
      message: "AUDIT_ANCHOR_KEY must be 32 bytes, base64-encoded",
    })
    .optional(),
  // "0" keeps the app server from running background jobs (run server/worker.ts instead).
  JOBS_WORKER: z.enum(["0", "1"]).default("1"),
  // How many background jobs (emails, webhook deliveries, escalations…) one process runs at once.
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  MAIL_FROM: z.string().default("Common Ground <no-reply@common-ground.local>"),
  PUBLIC_BASE_URL: z.string().url().optional(),
  // How long the one-time links in notice, conflict and escalation emails stay usable, in hours
  // (never past the end of the operation they are about).
  ACTION_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
  MAP_STYLE_URL: z.string().url().optional(),
  // Optional raster tiles under the offline base layer, e.g. "https://tiles.example.gov/{z}/{x}/{y}.png".
  MAP_TILE_URL: z.string().url().optional(),
  // Reverse proxies whose X-Forwarded-For is believed (comma-separated IPs and CIDR ranges); with
  // none, the client address is the connecting peer's (lib/http/client-address.ts).
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES: ${(error as Error).message}` });
      }
    }),
  // Rate limits other than the defaults in lib/rate-limit/limits.ts, as JSON, e.g.
  // {"dryRunUser":{"points":120}}: for an agency whose integrations need more, and for benchmarks.
  RATE_LIMITS: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseLimitOverrides(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `RATE_LIMITS: ${(error as Error).message}` });
      }
    }),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * The configured rate limits. Read on its own (not through env()), so the limiter also works where
 * the rest of the configuration is not set, as in tests handed a database directly.
 */
export function rateLimitOverrides(): string {
  return process.env.RATE_LIMITS ?? "";
}
