// Renders prisma/seed/DEMO-ACCOUNTS.md from the seed data, so the document cannot drift from
// what the seed creates (tests/integration/seed.test.ts compares them).
// Regenerate with: npx tsx prisma/seed/demo-accounts-doc.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { demoAgencies, DEMO_TIME_ZONE } from "./agencies";
import { DEMO_PASSWORD, demoUsers, PLATFORM_ADMIN_EMAIL } from "./accounts";

export const DEMO_ACCOUNTS_PATH = fileURLToPath(new URL("./DEMO-ACCOUNTS.md", import.meta.url));

const ROLE_NAMES = {
  LIAISON: "Liaison",
  SUPERVISOR: "Supervisor",
  CHIEF: "Chief / commander",
  AGENCY_ADMIN: "Agency admin",
  AUDITOR: "Auditor",
} as const;

export function renderDemoAccounts(): string {
  const agencies = demoAgencies();
  const users = demoUsers(agencies);
  const bySlug = new Map(agencies.map((a) => [a.slug, a]));
  const platform = users.find((u) => u.email === PLATFORM_ADMIN_EMAIL)!;
  const rows = users
    .filter((u) => !u.isPlatformAdmin)
    .map((u) => {
      const a = bySlug.get(u.agencySlug)!;
      return `| ${a.name} | ${a.level} | ${u.roles.map((r) => ROLE_NAMES[r]).join(", ")} | \`${u.email}\` | ${u.name} |`;
    });
  const agencyRows = agencies.map(
    (a) =>
      `| ${a.name} | \`${a.slug}\` | ${a.level} | ${a.kind} | ${a.phone24x7} | ${a.languages.join(", ")} | ${a.noticeLeadHours} h | ${a.boundary ? "yes" : "none"} |`,
  );
  return `# Demo accounts

Generated from \`prisma/seed/\` by \`npx tsx prisma/seed/demo-accounts-doc.ts\`; do not edit by hand.
Everything here is fictional: the people, the addresses (\`.demo\`) and the telephone numbers
(the 555-01xx range). These accounts exist only in a database seeded with \`npm run db:seed\`
(or started with no \`DATABASE_URL\`); never seed a production database.

- **Password of every account:** \`${DEMO_PASSWORD}\`
- **Second factor:** every account has an authenticator (TOTP) enrolled. Its secret is derived
  from the email address (\`lib/auth/demo.ts\`), so \`npm run demo:code -- <email>\` prints the
  current six-digit code.
- **Addresses:** \`<role>@<agency-slug>.demo\` where role is \`liaison\`, \`supervisor\`,
  \`chief\`, \`admin\` (agency admin) or \`auditor\`.
- **Platform admin:** \`${platform.email}\` (${platform.name}) manages agencies; the account
  belongs to ${bySlug.get(platform.agencySlug)!.name}, which hosts the statewide hub, and holds
  no agency role.
- All agencies use the ${DEMO_TIME_ZONE} time zone.

## Agencies

Boundaries: sheriffs' offices use their county and the Illinois State Police the state, from the
U.S. Census Bureau files packaged in \`us-atlas\`; the three city police departments use simplified
hand-drawn outlines of their cities; ICE ERO Chicago's boundary is the Broadview processing facility
and the Marshals Service's the Dirksen courthouse block; the other federal offices and the
prosecutor have none.

| Agency | Slug | Level | Kind | 24/7 phone | Languages | Notice lead time | Boundary |
|---|---|---|---|---|---|---|---|
${agencyRows.join("\n")}

## Accounts

| Agency | Level | Role | Email | Name |
|---|---|---|---|---|
${rows.join("\n")}
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(DEMO_ACCOUNTS_PATH, renderDemoAccounts());
}
