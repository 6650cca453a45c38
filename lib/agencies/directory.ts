// The agency directory: every signed-in user may look up any agency's public contacts, so that
// whoever learns of a conflict knows whom to call. It exposes no user accounts.
import { db as defaultDb, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { UnauthorizedError, NotFoundError } from "../errors";
import type { DirectoryFilter, MultiPolygon } from "../validation/agency";
import { asMultiPolygon } from "./boundary";

const LISTED = {
  id: true,
  slug: true,
  name: true,
  shortName: true,
  level: true,
  kind: true,
  phone24x7: true,
  languages: true,
  noticeLeadHours: true,
} as const satisfies Prisma.AgencySelect;

const PUBLIC = {
  ...LISTED,
  timeZone: true,
  email: true,
  backupContactName: true,
  backupContactPhone: true,
  backupContactEmail: true,
  boundary: true,
  bboxMinLon: true,
  bboxMinLat: true,
  bboxMaxLon: true,
  bboxMaxLat: true,
} as const satisfies Prisma.AgencySelect;

export type DirectoryListing = Prisma.AgencyGetPayload<{ select: typeof LISTED }>;
export type DirectoryEntry = Omit<Prisma.AgencyGetPayload<{ select: typeof PUBLIC }>, "boundary"> & {
  boundary: MultiPolygon | null;
};

function requireSignedIn(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new UnauthorizedError();
}

export async function listDirectory({
  actor,
  filter,
  db = defaultDb(),
}: {
  actor: Actor | null;
  filter: DirectoryFilter;
  db?: Db;
}): Promise<DirectoryListing[]> {
  requireSignedIn(actor);
  const q = filter.q;
  return db.agency.findMany({
    where: {
      active: true,
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { shortName: { contains: q, mode: "insensitive" } },
              { slug: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: LISTED,
  });
}

export async function getDirectoryEntry({
  actor,
  slug,
  db = defaultDb(),
}: {
  actor: Actor | null;
  slug: string;
  db?: Db;
}): Promise<DirectoryEntry> {
  requireSignedIn(actor);
  const row = await db.agency.findFirst({ where: { slug, active: true }, select: PUBLIC });
  if (!row) throw new NotFoundError();
  return { ...row, boundary: asMultiPolygon(row.boundary) };
}
