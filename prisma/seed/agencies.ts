// The demo world: agencies around Chicago, from the city to rural counties and the federal field
// offices that work there. Telephone numbers are in the 555-01xx range reserved for fiction.
// Illinois has no federally recognized tribal land, so there is deliberately no tribal agency.
import type { AgencyKind, MultiPolygon } from "../../lib/validation/agency";
import { countyBoundary, stateBoundary } from "./geo";
import { AURORA, BROADVIEW_FACILITY, CHICAGO, DIRKSEN_COURTHOUSE, JOLIET } from "./places";

export type SeedAgency = {
  slug: string;
  name: string;
  shortName: string;
  level: "FEDERAL" | "STATE" | "LOCAL";
  kind: AgencyKind;
  boundary: MultiPolygon | null;
  phone24x7: string;
  backupContactName: string;
  backupContactPhone: string;
  languages: string[];
  noticeLeadHours: number;
  proximityBufferM: number;
  ackWindowMinutes: number;
};

export const DEMO_TIME_ZONE = "America/Chicago";

type County = { fips: string; name: string; areaCode: string; rural: boolean; languages: string[]; backup: string };

// Rural sheriffs run small shifts: they ask for more notice and more time to acknowledge.
const COUNTIES: County[] = [
  {
    fips: "17031",
    name: "Cook",
    areaCode: "773",
    rural: false,
    languages: ["en", "es", "pl"],
    backup: "Lt. Renata Sobczak",
  },
  {
    fips: "17043",
    name: "DuPage",
    areaCode: "630",
    rural: false,
    languages: ["en", "es"],
    backup: "Lt. Howard Bishop",
  },
  {
    fips: "17197",
    name: "Will",
    areaCode: "815",
    rural: false,
    languages: ["en", "es"],
    backup: "Lt. Consuelo Ibarra",
  },
  { fips: "17089", name: "Kane", areaCode: "630", rural: false, languages: ["en", "es"], backup: "Lt. Dwayne Pruitt" },
  { fips: "17097", name: "Lake", areaCode: "847", rural: false, languages: ["en", "es"], backup: "Lt. Marisol Ortega" },
  {
    fips: "17111",
    name: "McHenry",
    areaCode: "815",
    rural: false,
    languages: ["en", "es"],
    backup: "Lt. Gary Lindqvist",
  },
  {
    fips: "17093",
    name: "Kendall",
    areaCode: "630",
    rural: false,
    languages: ["en", "es"],
    backup: "Sgt. Paula Engstrom",
  },
  {
    fips: "17091",
    name: "Kankakee",
    areaCode: "815",
    rural: false,
    languages: ["en", "es"],
    backup: "Sgt. Terrence Boyd",
  },
  {
    fips: "17063",
    name: "Grundy",
    areaCode: "815",
    rural: true,
    languages: ["en", "es"],
    backup: "Sgt. Colleen Maddox",
  },
  { fips: "17075", name: "Iroquois", areaCode: "815", rural: true, languages: ["en"], backup: "Sgt. Dale Hoffmann" },
  { fips: "17053", name: "Ford", areaCode: "217", rural: true, languages: ["en"], backup: "Sgt. Rhonda Veach" },
  { fips: "17105", name: "Livingston", areaCode: "815", rural: true, languages: ["en"], backup: "Sgt. Neil Amsden" },
];

type PhoneBook = (areaCode: string) => string;

/** Hands out fictional numbers in order, +1 NNN-555-0100 to -0199. */
function phoneBook(): PhoneBook {
  let line = 100;
  return (areaCode) => {
    if (line > 199) throw new Error("Out of 555-01xx numbers");
    return `+1 ${areaCode}-555-0${line++}`;
  };
}

function sheriff(c: County, phone: PhoneBook): SeedAgency {
  return {
    slug: `${c.name.toLowerCase()}-sheriff`,
    name: `${c.name} County Sheriff's Office`,
    shortName: `${c.name} Sheriff`,
    level: "LOCAL",
    kind: "SHERIFF",
    boundary: countyBoundary(c.fips),
    phone24x7: phone(c.areaCode),
    backupContactName: c.backup,
    backupContactPhone: phone(c.areaCode),
    languages: c.languages,
    noticeLeadHours: c.rural ? 48 : 24,
    proximityBufferM: c.rural ? 1000 : 500,
    ackWindowMinutes: c.rural ? 60 : 30,
  };
}

function local(a: Omit<SeedAgency, "level" | "noticeLeadHours" | "proximityBufferM" | "ackWindowMinutes">): SeedAgency {
  return { ...a, level: "LOCAL", noticeLeadHours: 24, proximityBufferM: 500, ackWindowMinutes: 30 };
}

function federal(
  a: Omit<SeedAgency, "level" | "kind" | "languages" | "noticeLeadHours" | "proximityBufferM" | "ackWindowMinutes">,
): SeedAgency {
  return {
    ...a,
    level: "FEDERAL",
    kind: "FEDERAL_FIELD_OFFICE",
    languages: ["en", "es"],
    noticeLeadHours: 12,
    proximityBufferM: 500,
    ackWindowMinutes: 30,
  };
}

/** Builds the demo agencies; boundaries are read from us-atlas on each call. */
export function demoAgencies(): SeedAgency[] {
  const phone = phoneBook();
  return [
    ...COUNTIES.map((c) => sheriff(c, phone)),
    local({
      slug: "chicago-pd",
      name: "Chicago Police Department",
      shortName: "Chicago PD",
      kind: "POLICE",
      boundary: CHICAGO,
      phone24x7: phone("312"),
      backupContactName: "Cmdr. Lorraine Szymanski",
      backupContactPhone: phone("312"),
      languages: ["en", "es", "pl"],
    }),
    local({
      slug: "aurora-pd",
      name: "Aurora Police Department",
      shortName: "Aurora PD",
      kind: "POLICE",
      boundary: AURORA,
      phone24x7: phone("630"),
      backupContactName: "Lt. Ricardo Villanueva",
      backupContactPhone: phone("630"),
      languages: ["en", "es"],
    }),
    local({
      slug: "joliet-pd",
      name: "Joliet Police Department",
      shortName: "Joliet PD",
      kind: "POLICE",
      boundary: JOLIET,
      phone24x7: phone("815"),
      backupContactName: "Lt. Sharon Pulaski",
      backupContactPhone: phone("815"),
      languages: ["en", "es"],
    }),
    // The prosecutor receives notice as a party, not as a host jurisdiction, so it has no boundary.
    local({
      slug: "cook-county-sao",
      name: "Cook County State's Attorney's Office",
      shortName: "Cook County SAO",
      kind: "PROSECUTOR",
      boundary: null,
      phone24x7: phone("312"),
      backupContactName: "ASA Miriam Feldman",
      backupContactPhone: phone("312"),
      languages: ["en", "es", "pl"],
    }),
    {
      slug: "illinois-state-police",
      name: "Illinois State Police",
      shortName: "ISP",
      level: "STATE",
      kind: "STATE_PATROL",
      boundary: stateBoundary("17"),
      phone24x7: phone("217"),
      backupContactName: "Capt. Leon Whitaker",
      backupContactPhone: phone("217"),
      languages: ["en", "es"],
      noticeLeadHours: 24,
      proximityBufferM: 500,
      ackWindowMinutes: 30,
    },
    federal({
      slug: "ice-ero-chicago",
      name: "ICE Enforcement and Removal Operations, Chicago Field Office",
      shortName: "ICE ERO Chicago",
      boundary: BROADVIEW_FACILITY,
      phone24x7: phone("312"),
      backupContactName: "SDDO Curtis Langley",
      backupContactPhone: phone("312"),
    }),
    federal({
      slug: "hsi-chicago",
      name: "Homeland Security Investigations, Chicago",
      shortName: "HSI Chicago",
      boundary: null,
      phone24x7: phone("312"),
      backupContactName: "GS Natalie Brandt",
      backupContactPhone: phone("312"),
    }),
    federal({
      slug: "dea-chicago",
      name: "DEA Chicago Field Division",
      shortName: "DEA Chicago",
      boundary: null,
      phone24x7: phone("312"),
      backupContactName: "GS Victor Anaya",
      backupContactPhone: phone("312"),
    }),
    federal({
      slug: "fbi-chicago",
      name: "FBI Chicago Field Office",
      shortName: "FBI Chicago",
      boundary: null,
      phone24x7: phone("312"),
      backupContactName: "SSA Holly Kwan",
      backupContactPhone: phone("312"),
    }),
    federal({
      slug: "usms-ndil",
      name: "U.S. Marshals Service, Northern District of Illinois",
      shortName: "USMS N.D. Ill.",
      boundary: DIRKSEN_COURTHOUSE,
      phone24x7: phone("312"),
      backupContactName: "SDUSM Raymond Castellanos",
      backupContactPhone: phone("312"),
    }),
  ];
}
