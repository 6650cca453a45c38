// Where an agency's maps open: its jurisdiction's bounding box, or null when it has no boundary.
import type { Db } from "../db/client";
import type { Actor } from "../auth/actor";
import { UnauthorizedError } from "../errors";

export type MapFrame = { minLon: number; minLat: number; maxLon: number; maxLat: number };

export async function getOwnAgencyMapFrame({ db, actor }: { db: Db; actor: Actor | null }): Promise<MapFrame | null> {
  if (!actor) throw new UnauthorizedError();
  const a = await db.agency.findUnique({
    where: { id: actor.agencyId },
    select: { bboxMinLon: true, bboxMinLat: true, bboxMaxLon: true, bboxMaxLat: true },
  });
  if (!a || a.bboxMinLon === null || a.bboxMinLat === null || a.bboxMaxLon === null || a.bboxMaxLat === null)
    return null;
  return { minLon: a.bboxMinLon, minLat: a.bboxMinLat, maxLon: a.bboxMaxLon, maxLat: a.bboxMaxLat };
}
