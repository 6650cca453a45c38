// The /api/v1 route table for the production server (server/serve.ts): the very route modules
// Next.js builds from app/api/v1/**/route.ts, found the way Next finds them (a folder per path
// segment, `[name]` for one segment, `[...name]` for the rest; `_private` folders and `(group)`
// folders are not segments) and matched with Next's precedence: a fixed segment before a
// parameter, a parameter before a catch-all.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export type RouteHandler = (
  req: Request,
  ctx: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;
export type RouteModule = Partial<Record<ApiMethod, RouteHandler>>;

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "rest"; name: string };
export type ApiRoute = { file: string; segments: Segment[]; module: RouteModule };
export type RouteMatch = { route: ApiRoute; params: Record<string, string | string[]> };

const RANK = { static: 0, param: 1, rest: 2 } as const;

function segmentOf(folder: string): Segment {
  const rest = /^\[\.\.\.(\w+)\]$/.exec(folder);
  if (rest) return { kind: "rest", name: rest[1] };
  const param = /^\[(\w+)\]$/.exec(folder);
  if (param) return { kind: "param", name: param[1] };
  return { kind: "static", value: folder };
}

/** Every route.ts under `dir`, with the segments of its path. */
export function findRouteFiles(dir: string): { file: string; segments: Segment[] }[] {
  const found: { file: string; segments: Segment[] }[] = [];
  const walk = (at: string, segments: Segment[]) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === "route.ts") found.push({ file: path.join(at, entry.name), segments });
      if (!entry.isDirectory() || entry.name.startsWith("_")) continue;
      const group = /^\(.+\)$/.test(entry.name);
      walk(path.join(at, entry.name), group ? segments : [...segments, segmentOf(entry.name)]);
    }
  };
  walk(dir, []);
  // Most specific first, so the first route that matches is the one Next would pick.
  return found.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const [x, y] = [a.segments[i], b.segments[i]];
      if (!x || !y) return x ? (x.kind === "rest" ? 1 : -1) : y.kind === "rest" ? -1 : 1;
      if (RANK[x.kind] !== RANK[y.kind]) return RANK[x.kind] - RANK[y.kind];
    }
    return a.file.localeCompare(b.file);
  });
}

/** The route a path (below the table's base) belongs to, and its parameters; null when none does. */
export function matchRoute(routes: ApiRoute[], segments: string[]): RouteMatch | null {
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    for (let i = 0; ok && i < route.segments.length; i++) {
      const s = route.segments[i];
      if (s.kind === "rest") {
        if (i >= segments.length) ok = false;
        else params[s.name] = segments.slice(i);
        break;
      }
      if (i >= segments.length) ok = false;
      else if (s.kind === "static") ok = s.value === segments[i];
      else params[s.name] = segments[i];
    }
    const last = route.segments[route.segments.length - 1];
    if (ok && last?.kind !== "rest" && route.segments.length !== segments.length) ok = false;
    if (ok) return { route, params };
  }
  return null;
}

/** Splits a pathname below `base` into decoded segments; null when it is not below it or is malformed. */
export function pathSegments(pathname: string, base: string): string[] | null {
  if (!pathname.startsWith(`${base}/`)) return null;
  try {
    return pathname
      .slice(base.length + 1)
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/** Imports every route module under `dir`. */
export async function loadRoutes(dir: string): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const { file, segments } of findRouteFiles(dir)) {
    routes.push({ file, segments, module: (await import(pathToFileURL(file).href)) as RouteModule });
  }
  return routes;
}
