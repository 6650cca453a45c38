// The production server stands apart from app/: it loads the route modules by path at run time
// and imports nothing from app/ or components/, statically or dynamically (the lint rule sees
// only static imports). What it shares with the route handlers lives in lib/http.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(at);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [at] : [];
  });
}

/** Every module specifier a file imports, re-exports or imports dynamically with a literal. */
function specifiers(source: string): string[] {
  const found = [
    ...source.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...source.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
  ];
  return found.map((m) => m[1]);
}

/** The repository folder a specifier points into ("app", "lib"…), or null for a package. */
function topFolder(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2).split("/")[0];
  if (!specifier.startsWith(".")) return null;
  return path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep)[0];
}

describe("server/", () => {
  it("imports nothing from app/ or components/", () => {
    const offending = sources(path.join(root, "server")).flatMap((file) =>
      specifiers(fs.readFileSync(file, "utf8"))
        .filter((s) => ["app", "components"].includes(topFolder(file, s) ?? ""))
        .map((s) => `${path.relative(root, file)}: ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("would notice one", () => {
    const file = path.join(root, "server", "lib", "x.ts");
    const found = specifiers(
      'import { a } from "@/app/api/v1/_lib/body";\nconst b = await import("../../app/_lib/x");',
    );
    expect(found.map((s) => topFolder(file, s))).toEqual(["app", "app"]);
  });
});
