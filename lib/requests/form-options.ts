// What the request pages need to know about the viewer's agency: whether it is a federal office
// (it submits requests) or a receiving agency (it logs and decides them), and the directory
// agencies its form offers.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/authorize";
import { REQUEST_READING_ROLES } from "./roles";

export async function requestSide(db: Db, actor: Actor): Promise<"FEDERAL" | "RECEIVING"> {
  authorize(actor, { roles: REQUEST_READING_ROLES, agencyId: actor.agencyId });
  const agency = await db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { level: true } });
  return agency.level === "FEDERAL" ? "FEDERAL" : "RECEIVING";
}

/** A federal office picks a receiving member agency; a receiving agency picks the requesting federal office. */
export async function formAgencies(db: Db, actor: Actor) {
  const side = await requestSide(db, actor);
  return db.agency.findMany({
    where: { active: true, id: { not: actor.agencyId }, level: side === "FEDERAL" ? { not: "FEDERAL" } : "FEDERAL" },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
