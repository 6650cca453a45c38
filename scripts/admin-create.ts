// `npm run admin:create`: creates the first platform administrator of a real installation from
// the server's command line (a database without the demo world has no one to sign in yet).
// The password comes from a prompt, or from CG_ADMIN_PASSWORD for automation; the new
// administrator enrols an authenticator app the first time they sign in.
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { passwordPolicyIssue } from "../lib/auth/password";
import { createDb } from "../lib/db/client";
import { ValidationError, zodIssues, type FieldIssue } from "../lib/errors";
import { messagesFor } from "../lib/i18n/catalog";
import { translateIssue } from "../lib/i18n/issue";
import { createTranslator } from "../lib/i18n/translate";
import { createPlatformAdmin } from "../lib/users/create-platform-admin";
import { platformAdminSchema } from "../lib/validation/platform-admin";
import { applyMigrations } from "./db/engine";
import { resolveDatabase } from "./lib/database-url";
import { say } from "./lib/say";
import { dataDirFrom, repoRoot, scriptEnv } from "./lib/script-env";

const USAGE = `Create a platform administrator (the first account of a real installation).

  npm run admin:create -- --email <address> --name "<full name>" [--title "<title>"] [--role AGENCY_ADMIN]
                          (--agency <slug> | --new-agency-name "<name>" --new-agency-short-name <short>
                           --new-agency-slug <slug> --level FEDERAL|STATE|LOCAL|TRIBAL --kind <kind>
                           --time-zone <IANA zone> --phone "<24/7 phone>")

  --agency            an agency already on the platform hosts the administrator
  --new-agency-*      or register the host agency now (an empty database has none)
  --role              a role in the host agency besides platform administration (repeatable)

The password is asked for twice (hidden), or read from CG_ADMIN_PASSWORD when set. It must have
at least 12 characters and not be a common password. The database is DATABASE_URL, or the
embedded one of this checkout. The administrator enrols an authenticator app at first sign-in.
`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  email: { type: "string" },
  name: { type: "string" },
  title: { type: "string" },
  role: { type: "string", multiple: true },
  agency: { type: "string" },
  "new-agency-name": { type: "string" },
  "new-agency-short-name": { type: "string" },
  "new-agency-slug": { type: "string" },
  level: { type: "string" },
  kind: { type: "string" },
  "time-zone": { type: "string" },
  phone: { type: "string" },
} as const;

// The command line's shape; what the values must look like is the domain schema's business.
const argsSchema = z
  .object({
    email: z.string({ message: "--email is required" }),
    name: z.string({ message: "--name is required" }),
    title: z.string().optional(),
    role: z.array(z.string()).optional(),
    agency: z.string().optional(),
    "new-agency-name": z.string().optional(),
  })
  .loose()
  .refine((a) => (a.agency === undefined) !== (a["new-agency-name"] === undefined), {
    message:
      "name the host agency: --agency <slug> for an existing one, or --new-agency-name (and its details) for a new one",
  });

/** Where each field of the domain schema came from, for error messages. */
const FIELD_FLAGS: Record<string, string> = {
  email: "--email",
  name: "--name",
  title: "--title",
  roles: "--role",
  password: "the password (prompt or CG_ADMIN_PASSWORD)",
  agencySlug: "--agency",
  "newAgency.name": "--new-agency-name",
  "newAgency.shortName": "--new-agency-short-name",
  "newAgency.slug": "--new-agency-slug",
  "newAgency.level": "--level",
  "newAgency.kind": "--kind",
  "newAgency.timeZone": "--time-zone",
  "newAgency.phone24x7": "--phone",
};

function flagFor(path: string): string {
  const key = Object.keys(FIELD_FLAGS).find((k) => path === k || path.startsWith(`${k}.`));
  return key ? FIELD_FLAGS[key] : path;
}

function refuse(issues: FieldIssue[]): number {
  const t = createTranslator(messagesFor("en"), "en");
  for (const issue of issues) say.fail(`${flagFor(issue.path)}: ${translateIssue(t, issue.message)}`);
  say.detail("Nothing was created. See npm run admin:create -- --help");
  return 1;
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.resume();
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return (finish(), resolve(value));
        if (ch === "\u0003" || ch === "\u0004") return (finish(), reject(new Error("Cancelled")));
        value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function password(fromEnv: string | undefined): Promise<string> {
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError("no password: run this in a terminal to be asked for it, or set CG_ADMIN_PASSWORD");
  const first = await readHidden("Password for the new administrator: ");
  const again = await readHidden("The same password again: ");
  if (first !== again) throw new UsageError("the two passwords differ");
  return first;
}

class UsageError extends Error {}

function parseCommandLine() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<number> {
  process.chdir(repoRoot);
  const args = parseCommandLine();
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const shape = argsSchema.safeParse(args);
  if (!shape.success) throw new UsageError(shape.error.issues.map((i) => i.message).join("; "));

  const env = scriptEnv();
  const input = {
    email: args.email,
    name: args.name,
    title: args.title,
    roles: args.role ?? [],
    password: await password(env.CG_ADMIN_PASSWORD),
    agencySlug: args.agency,
    newAgency: args["new-agency-name"]
      ? {
          name: args["new-agency-name"],
          shortName: args["new-agency-short-name"],
          slug: args["new-agency-slug"],
          level: args.level,
          kind: args.kind,
          timeZone: args["time-zone"],
          phone24x7: args.phone,
          // Settings the agency's own administrator adjusts later; the platform's defaults.
          languages: ["en"],
          noticeLeadHours: 24,
          proximityBufferM: 500,
          timeBufferMinutes: 60,
          ackWindowMinutes: 30,
          active: true,
        }
      : undefined,
  };

  // Everything that can be checked without the database is checked before starting it.
  const parsed = platformAdminSchema.safeParse(input);
  const policy = parsed.success ? passwordPolicyIssue(parsed.data.password) : null;
  if (!parsed.success || policy)
    return refuse(parsed.success ? [{ path: "password", message: policy! }] : zodIssues(parsed.error));

  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDirFrom(env), log: say });
  try {
    await applyMigrations(database.url);
    const db = createDb(database.url, 2);
    try {
      const operator = `admin:create by ${os.userInfo().username}@${os.hostname()}`;
      const created = await createPlatformAdmin({ db, input, operator, now: new Date() });
      const agency = await db.agency.findUniqueOrThrow({ where: { id: created.agencyId }, select: { name: true } });
      say.ok(
        `Created platform administrator ${parsed.data.email} in ${agency.name}${created.agencyCreated ? " (agency registered now)" : ""}`,
      );
      say.detail(
        "At their first sign-in they set up an authenticator app (scan the QR code shown), then sign in with its codes.",
      );
      return 0;
    } catch (error) {
      if (error instanceof ValidationError) return refuse(error.issues);
      throw error;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.close();
  }
}

let code = 1;
try {
  code = await main();
} catch (error) {
  if (error instanceof UsageError) {
    say.fail(error.message);
    say.detail("See npm run admin:create -- --help");
    code = 2;
  } else {
    say.fail(error instanceof Error ? error.message : String(error));
  }
}
process.exit(code);
