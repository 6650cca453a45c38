// The demo world's week ahead, filed the way people file it (through fileOperation, so notices,
// conflicts, escalation timers and audit events are the real ones): HSI surveillance that runs
// into a Kankakee warrant service, an FBI arrest near Watseka shared only as a general area with
// rural Iroquois County, an Iroquois checkpoint of its own, and two Chicago operations that
// overlap. Times are relative to the moment of seeding, so every dashboard has something to show.
// Only `npm start` with the demo world calls this (scripts/lib/seed-demo.ts); the tests' seed()
// leaves it out, so their clocks and counts stay their own.
import { anchorAuditChain } from "../../lib/audit/anchor";
import type { PrismaClient } from "../../lib/db/generated/client";
import { userActor, type Actor } from "../../lib/auth/actor";
import { fileOperation } from "../../lib/operations/file-operation";

const HOUR = 3_600_000;

type Filing = {
  by: string;
  title: string;
  type: string;
  lon: number;
  lat: number;
  radiusM: number;
  startH: number;
  hours: number;
  generalized?: boolean;
  commander: string;
  phone: string;
  comms: string;
};

const FILINGS: Filing[] = [
  {
    by: "liaison@kankakee-sheriff.demo",
    title: "Warrant service, East Court Street",
    type: "ARREST_WARRANT",
    lon: -87.861,
    lat: 41.12,
    radiusM: 300,
    startH: 26,
    hours: 4,
    commander: "Sgt. Terrence Boyd",
    phone: "+1 815-555-0190",
    comms: "KCSO Tac 1; interop on ISPERN.",
  },
  {
    by: "liaison@hsi-chicago.demo",
    title: "Surveillance, downtown Kankakee",
    type: "SURVEILLANCE",
    lon: -87.858,
    lat: 41.121,
    radiusM: 400,
    startH: 27,
    hours: 3,
    commander: "SA Natalie Brandt",
    phone: "+1 312-555-0191",
    comms: "HSI tactical 3; patch to county dispatch on request.",
  },
  {
    by: "liaison@fbi-chicago.demo",
    title: "Fugitive arrest, Watseka",
    type: "FUGITIVE_APPREHENSION",
    lon: -87.7372,
    lat: 40.7745,
    radiusM: 400,
    startH: 60,
    hours: 3,
    generalized: true,
    commander: "SSA Holly Kwan",
    phone: "+1 312-555-0192",
    comms: "FBI tactical 2; interop on ISPERN.",
  },
  {
    by: "liaison@iroquois-sheriff.demo",
    title: "Traffic safety checkpoint, Route 24",
    type: "OTHER",
    lon: -87.992,
    lat: 40.767,
    radiusM: 500,
    startH: 30,
    hours: 5,
    commander: "Sgt. Dale Hoffmann",
    phone: "+1 815-555-0193",
    comms: "Iroquois County dispatch, channel 1.",
  },
  {
    by: "liaison@cook-sheriff.demo",
    title: "Warrant service, Near West Side",
    type: "ARREST_WARRANT",
    lon: -87.665,
    lat: 41.875,
    radiusM: 300,
    startH: 50,
    hours: 3,
    commander: "Lt. Renata Sobczak",
    phone: "+1 773-555-0194",
    comms: "CCSO Tac 2; interop on IL-CALL.",
  },
  {
    by: "liaison@chicago-pd.demo",
    title: "Narcotics surveillance, Near West Side",
    type: "SURVEILLANCE",
    lon: -87.663,
    lat: 41.876,
    radiusM: 400,
    startH: 51,
    hours: 4,
    commander: "Sgt. Lena Ortiz",
    phone: "+1 312-555-0195",
    comms: "CPD Zone 10 command; interop on IL-CALL.",
  },
];

async function actorFor(db: PrismaClient, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { agency: true } });
  // Never acting as a platform administrator, whatever the account: the seed files as the agency.
  return userActor(user, { sessionId: null, requestId: "seed", sourceIp: null, locale: "en", isPlatformAdmin: false });
}

/** Files the demo week; returns how many operations were filed. */
export async function seedActivity(db: PrismaClient, now: Date = new Date()): Promise<number> {
  const hour = Math.ceil(now.getTime() / HOUR) * HOUR;
  let filed = 0;
  for (const f of FILINGS) {
    const actor = await actorFor(db, f.by);
    await fileOperation({
      db,
      actor,
      now,
      input: {
        type: f.type,
        title: f.title,
        area: { kind: "CIRCLE", center: [f.lon, f.lat], radiusM: f.radiusM },
        startsAt: new Date(hour + f.startH * HOUR).toISOString(),
        endsAt: new Date(hour + (f.startH + f.hours) * HOUR).toISOString(),
        leadAgencyName: actor.agencyName,
        commanderName: f.commander,
        commanderPhone: f.phone,
        commsPlan: f.comms,
        personnelCount: 8,
        riskFlags: [],
        notes: "",
        status: "PLANNED",
        areaPrecision: f.generalized ? "GENERALIZED" : "EXACT",
      },
    });
    filed++;
  }
  // The audit trail's head signed, as the daily job does: the public record's page of signed heads
  // (/transparency/audit-anchors) shows one from the start.
  await anchorAuditChain(db, { now });
  return filed;
}
