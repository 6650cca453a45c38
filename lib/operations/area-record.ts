// An operation's area as stored (circle columns or GeoJSON, plus its bounding box) and back.
import { canonicalJson } from "../audit/hash";
import { Prisma } from "../db/generated/client";
import type { Area, AreaGeometry } from "../deconfliction/types";
import type { Box } from "./search-box";

export type AreaColumns = {
  areaKind: "CIRCLE" | "POLYGON";
  centerLon: number | null;
  centerLat: number | null;
  radiusM: number | null;
  polygon: unknown;
};

/** The columns to write for an area. */
export function areaColumns(area: Area) {
  if (area.kind === "CIRCLE") {
    return {
      areaKind: "CIRCLE" as const,
      centerLon: area.center[0],
      centerLat: area.center[1],
      radiusM: area.radiusM,
      polygon: Prisma.DbNull,
    };
  }
  return {
    areaKind: "POLYGON" as const,
    centerLon: null,
    centerLat: null,
    radiusM: null,
    polygon: area.geometry as Prisma.InputJsonValue,
  };
}

export function areaFromColumns(row: AreaColumns): Area {
  if (row.areaKind === "CIRCLE") {
    return { kind: "CIRCLE", center: [row.centerLon ?? 0, row.centerLat ?? 0], radiusM: row.radiusM ?? 0 };
  }
  return { kind: "POLYGON", geometry: row.polygon as AreaGeometry };
}

export function bboxColumns(b: Box) {
  return { bboxMinLon: b.minLon, bboxMinLat: b.minLat, bboxMaxLon: b.maxLon, bboxMaxLat: b.maxLat };
}

export function sameArea(a: Area, b: Area): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
