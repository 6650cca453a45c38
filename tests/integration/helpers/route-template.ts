// The OpenAPI path template of the route file that appears in a stack trace: the file that called
// tokenRoute (app/api/v1/operations/[id]/route.ts → /api/v1/operations/{id}). Null for the
// catch-all ([...rest]) and for handlers made elsewhere (the production server's 405).
export function templateOfRouteFile(stack: string): string | null {
  const m = /app\/api\/v1\/((?:[^/\s:()]+\/)*)route\.ts/.exec(stack);
  if (!m) return null;
  const segments = m[1].split("/").filter(Boolean);
  if (segments.some((s) => s.startsWith("[..."))) return null;
  return `/api/v1${segments.map((s) => `/${s.replace(/^\[(\w+)\]$/, "{$1}")}`).join("")}`;
}
