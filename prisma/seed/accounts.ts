// Demo accounts: one user per role in every agency, with predictable addresses, and one platform
// admin. All share one documented password; each has MFA enrolled with a secret derived from the
// address (lib/auth/demo.ts), so a tester can compute the code with `npm run demo:code -- <email>`.
import type { Role } from "../../lib/db/generated/enums";
import type { SeedAgency } from "./agencies";

/** The one password of every demo account. Documented in DEMO-ACCOUNTS.md; never used outside the demo. */
export const DEMO_PASSWORD = "Ground-Demo-2026!";

export const PLATFORM_ADMIN_EMAIL = "platform@common-ground.demo";

/** The agency that hosts the platform administrator (the state police run the statewide hub). */
export const PLATFORM_HOST_SLUG = "illinois-state-police";

export const DEMO_ROLES: Role[] = ["LIAISON", "SUPERVISOR", "CHIEF", "AGENCY_ADMIN", "AUDITOR"];

const LOCAL_PART: Record<Role, string> = {
  LIAISON: "liaison",
  SUPERVISOR: "supervisor",
  CHIEF: "chief",
  AGENCY_ADMIN: "admin",
  AUDITOR: "auditor",
};

/** `chief@cook-sheriff.demo`, `admin@chicago-pd.demo`, `liaison@ice-ero-chicago.demo`… */
export function demoEmail(role: Role, agencySlug: string): string {
  return `${LOCAL_PART[role]}@${agencySlug}.demo`;
}

export type SeedUser = {
  email: string;
  name: string;
  title: string;
  roles: Role[];
  isPlatformAdmin: boolean;
  agencySlug: string;
};

// Lengths 41 and 43 are coprime, so stepping through both lists never repeats a pair.
const FIRST = [
  "Maria",
  "James",
  "Aisha",
  "Tomasz",
  "Denise",
  "Luis",
  "Karen",
  "Marcus",
  "Agnieszka",
  "Robert",
  "Yolanda",
  "Kevin",
  "Priya",
  "Daniel",
  "Rosa",
  "Michael",
  "Tamika",
  "Brian",
  "Ewa",
  "Jorge",
  "Latoya",
  "Patrick",
  "Mei",
  "Anthony",
  "Gabriela",
  "Steven",
  "Monique",
  "Piotr",
  "Jennifer",
  "Carlos",
  "Angela",
  "Darnell",
  "Katarzyna",
  "Eric",
  "Veronica",
  "Hector",
  "Shannon",
  "Samuel",
  "Fatima",
  "Gregory",
  "Lucia",
];
const LAST = [
  "Kowalski",
  "Johnson",
  "Hernandez",
  "O'Brien",
  "Washington",
  "Nowak",
  "Garcia",
  "Murphy",
  "Patel",
  "Williams",
  "Martinez",
  "Sullivan",
  "Lewandowski",
  "Robinson",
  "Lopez",
  "Kim",
  "Jackson",
  "Gonzalez",
  "Walsh",
  "Brown",
  "Ramirez",
  "Nguyen",
  "Wiśniewski",
  "Davis",
  "Rodriguez",
  "Thompson",
  "Flores",
  "Kelly",
  "Harris",
  "Castillo",
  "Chen",
  "Mitchell",
  "Morales",
  "Zielinski",
  "Carter",
  "Reyes",
  "Anderson",
  "Okafor",
  "Schmidt",
  "Moore",
  "Delgado",
  "Novak",
  "Brooks",
];

function staffName(n: number): string {
  return `${FIRST[(n * 7) % FIRST.length]} ${LAST[(n * 5) % LAST.length]}`;
}

function title(role: Role, agency: SeedAgency): string {
  const federal = agency.level === "FEDERAL";
  switch (role) {
    case "LIAISON":
      return federal ? "Special Agent, deconfliction coordinator" : "Deconfliction liaison";
    case "SUPERVISOR":
      return federal ? "Supervisory Special Agent" : agency.kind === "SHERIFF" ? "Patrol Sergeant" : "Watch Supervisor";
    case "CHIEF":
      if (federal) return "Assistant Special Agent in Charge";
      if (agency.kind === "SHERIFF") return "Chief Deputy";
      if (agency.kind === "PROSECUTOR") return "Chief of Investigations";
      if (agency.kind === "STATE_PATROL") return "Lieutenant Colonel";
      return "Deputy Chief";
    case "AGENCY_ADMIN":
      return "Systems administrator";
    case "AUDITOR":
      return federal ? "Inspection and compliance specialist" : "Inspector general's office";
  }
}

export function demoUsers(agencies: SeedAgency[]): SeedUser[] {
  let n = 0;
  const users: SeedUser[] = agencies.flatMap((agency) =>
    DEMO_ROLES.map((role) => ({
      email: demoEmail(role, agency.slug),
      name: staffName(n++),
      title: title(role, agency),
      roles: [role],
      isPlatformAdmin: false,
      agencySlug: agency.slug,
    })),
  );
  users.push({
    email: PLATFORM_ADMIN_EMAIL,
    name: "Dana Whitfield",
    title: "Platform administrator",
    roles: [],
    isPlatformAdmin: true,
    agencySlug: PLATFORM_HOST_SLUG,
  });
  return users;
}
