// Which messages each page's client components need, read from the source: the test that every
// page hands its client components the messages they use (lib/i18n/client-messages.test.ts).
// Server components read the whole catalog on the server; only client code is counted here.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { FORM_MESSAGES } from "./client-scopes";
import { lookupNode } from "./pick";
import type { Messages } from "./translate";

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

export type Need = { scope: string; from: string };
export type PageMessages = { page: string; provided: string[]; needs: Need[] };

/** The source without comments (string literals kept). */
function withoutComments(source: string): string {
  return source.replace(
    /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g,
    (match, literal?: string) => literal ?? "",
  );
}

/** The source without comments and plain string literals (template literals stay). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
}

/** `messages`: the catalog of one language, which every other has the same keys as. */
export function createSourceGraph(root: string, messages: Messages) {
  const namespaces = Object.keys(messages);
  const cache = new Map<string, string>();
  const read = (file: string) => {
    if (!cache.has(file)) cache.set(file, readFileSync(file, "utf8"));
    return cache.get(file)!;
  };
  const ns = namespaces.join("|");
  const directive = (file: string, name: string) =>
    new RegExp(`^(?:\\s*//[^\\n]*\\n|\\s*/\\*[\\s\\S]*?\\*/)*\\s*["']use ${name}["']`).test(read(file));

  function resolve(from: string, spec: string): string | undefined {
    const base = spec.startsWith("@/")
      ? join(root, spec.slice(2))
      : spec.startsWith(".")
        ? join(dirname(from), spec)
        : null;
    if (!base) return undefined; // a package
    for (const ext of EXTENSIONS) {
      const path = base + ext;
      if (existsSync(path) && statSync(path).isFile() && /\.tsx?$/.test(path)) return path;
    }
    return undefined;
  }

  function imports(file: string): string[] {
    const source = read(file);
    const specs = [
      ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm),
      ...source.matchAll(/^\s*import\s+"([^"]+)"/gm),
      // import("x") at run time; import("x").Type is a type.
      ...source.matchAll(/\bimport\(\s*"([^"]+)"\s*\)(?!\.[A-Z])/g),
    ].map((m) => m[1]);
    return specs.map((s) => resolve(file, s)).filter((p): p is string => !!p);
  }

  /**
   * Messages a client module reads through useT: each literal key under the translator's scope,
   * the fixed prefix of a template key, or the whole scope when a key is computed or the translator
   * is handed on.
   */
  function clientScopes(file: string): string[] {
    const source = read(file);
    const scopes: string[] = [];
    for (const [, name, scope = ""] of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useT\(\s*(?:"([\w.]*)")?\s*\)/g)) {
      const under = (key: string) => (scope && key ? `${scope}.${key}` : scope || key);
      for (const [, literal, template] of source.matchAll(
        new RegExp(`(?<![\\w.])${name}\\(\\s*(?:"([\\w.]+)"|\`([^\`]*)\`)?`, "g"),
      )) {
        if (literal) scopes.push(under(literal));
        else if (template !== undefined) scopes.push(under(/^([\w.]*?)\.?\$\{/.exec(template)?.[1] ?? template));
        else scopes.push(scope);
      }
      // Handed to another function or component: it may read anything under the scope.
      const bare = new RegExp(`(?<![\\w.])${name}(?![\\w(])(?!\\s*=\\s*useT)`, "g");
      if (bare.test(code(source))) scopes.push(scope);
    }
    // Two components of one file may bind the same name to different scopes: keep what exists.
    return scopes.filter((s) => s !== "" && lookupNode(messages, s) !== undefined);
  }

  /** Message keys a module can hand a form as a validation or action error (shown by useIssueText). */
  function issueKeys(file: string): string[] {
    const source = read(file);
    const at = `(?:\\bmsg\\(|Error\\(|\\bmessage:)\\s*`;
    return [
      ...[...source.matchAll(new RegExp(`${at}"((?:${ns})\\.[\\w.]+)"`, "g"))].map((m) => m[1]),
      // msg(`area.${key}`): everything under the fixed prefix.
      ...[...source.matchAll(new RegExp(`${at}\`((?:${ns})(?:\\.[\\w]+)*)\\.\\$\\{`, "g"))].map((m) => m[1]),
      // const EMAIL_TAKEN = "admin.users.emailTaken"; … new ConflictError(EMAIL_TAKEN)
      ...[...source.matchAll(new RegExp(`\\bconst\\s+(\\w+)\\s*=\\s*"((?:${ns})\\.[\\w.]+)"`, "g"))]
        .filter(([, name]) => new RegExp(`${at}${name}\\b`).test(source))
        .map((m) => m[2]),
    ];
  }

  /** A server action module whose failures reach a form as message keys (runAction, or its own fieldErrors). */
  const answersForms = (file: string) => directive(file, "server") && /\brunAction\(|\bfieldErrors\b/.test(read(file));

  /** Every module reachable from `start`, except server actions that never answer a form. */
  function closure(start: string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...imports(file).filter((f) => !directive(f, "server") || answersForms(f)));
    }
    return seen;
  }

  /** What the client modules reachable from a route's server modules need, and what they provide. */
  function pageMessages(page: string, entries: string[]): PageMessages {
    const provided: string[] = [];
    const clientRoots: string[] = [];
    const seen = new Set<string>();
    const queue = [...entries];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      // Client modules, and server actions (which the page may pass to them as props): what they
      // reach runs for the client or answers it.
      if (directive(file, "client") || answersForms(file)) {
        clientRoots.push(file);
        continue;
      }
      for (const [, attributes] of withoutComments(read(file)).matchAll(/<ClientMessages\b([^>]*)>/g)) {
        const list = /\bscopes=\{\[([^\]]*)\]\}/.exec(attributes)?.[1] ?? "";
        provided.push(...[...list.matchAll(/"([\w.]+)"/g)].map((x) => x[1]));
        if (/\sforms(?=[\s/]|$)/.test(attributes)) provided.push(...FORM_MESSAGES);
      }
      queue.push(...imports(file));
    }
    // Everything client code reaches, server actions and what they call included: a validation
    // message or an action's error key anywhere there can end up in a form (useIssueText).
    const needs: Need[] = [];
    for (const file of closure(clientRoots)) {
      const from = relative(root, file);
      for (const scope of [...clientScopes(file), ...issueKeys(file)]) needs.push({ scope, from });
    }
    return { page, provided, needs };
  }

  return { pageMessages, imports, read };
}

/** The route's modules: the page and every layout, error and not-found boundary above it. */
export function routeEntries(root: string, page: string): string[] {
  const entries = [page];
  let dir = dirname(page);
  const app = join(root, "app");
  for (;;) {
    for (const name of ["layout.tsx", "error.tsx", "not-found.tsx", "loading.tsx", "template.tsx"]) {
      const path = join(dir, name);
      if (existsSync(path)) entries.push(path);
    }
    if (dir === app || !dir.startsWith(app)) break;
    dir = dirname(dir);
  }
  return entries;
}

export function findPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "api" ? [] : findPages(path);
    return name === "page.tsx" ? [path] : [];
  });
}

/** True when the provided scopes cover `scope`: the same path or one of its ancestors. */
export function covers(provided: readonly string[], scope: string): boolean {
  return provided.some((p) => scope === p || scope.startsWith(`${p}.`));
}
