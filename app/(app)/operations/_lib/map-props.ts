// What every operations map needs from the server: where to open, and optional remote tiles.
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getOwnAgencyMapFrame } from "@/lib/agencies/map-frame";
import { boxToBounds, type Bounds } from "@/components/map/geometry";

export async function mapProps(actor: Actor): Promise<{ initialBounds: Bounds | null; tileUrl: string | null }> {
  const frame = await getOwnAgencyMapFrame({ db: db(), actor });
  return { initialBounds: boxToBounds(frame), tileUrl: env().MAP_TILE_URL ?? null };
}
