// Every page hands its client components the messages they read, and no more than it declares:
// a client component's useT namespace, or a validation or action error key its forms can show,
// that no <ClientMessages scopes> above it provides would render as a raw key in the browser.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { covers, createSourceGraph, findPages, routeEntries } from "./client-needs";
import { lookupNode } from "./pick";

const root = join(import.meta.dirname, "..", "..");
const graph = createSourceGraph(root, catalog.en);
const pages = findPages(join(root, "app")).map((page) =>
  graph.pageMessages(relative(root, page), routeEntries(root, page)),
);

describe("messages each page ships to the browser", () => {
  it("cover what its client components and forms use", () => {
    const missing = pages.flatMap(({ page, provided, needs }) =>
      needs.filter((n) => !covers(provided, n.scope)).map((n) => `${page}: ${n.scope} (used in ${n.from})`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it("name only messages that exist", () => {
    const unknown = pages.flatMap(({ page, provided }) =>
      provided.filter((s) => lookupNode(catalog.en, s) === undefined).map((s) => `${page}: ${s}`),
    );
    expect(unknown).toEqual([]);
  });

  it("are a part of the catalog, not all of it", () => {
    const find = (suffix: string) => pages.find((p) => p.page.endsWith(suffix))!;
    const signIn = find("(auth)/login/page.tsx");
    expect(covers(signIn.provided, "auth.signIn.title")).toBe(true);
    expect(covers(signIn.provided, "notices.inbox.title")).toBe(false);
    const inbox = find("(app)/inbox/page.tsx");
    expect(Object.keys(catalog.en).filter((ns) => covers(inbox.provided, `${ns}.x`))).toEqual(["common", "errors"]);
  });

  it("would notice a client component's messages, or an action's error, that the page does not provide", () => {
    const dir = mkdtempSync(join(tmpdir(), "cg-client-messages-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write("app/layout.tsx", '<ClientMessages scopes={["common"]}>{children}</ClientMessages>');
    write(
      "app/x/page.tsx",
      'import { Form } from "./form";\nimport { act } from "./actions";\n// not <ClientMessages forms> here\n<Form action={act} />',
    );
    write(
      "app/x/form.tsx",
      '"use client";\nimport { useT } from "@/components/i18n/i18n-provider";\nconst t = useT("notices");\nt("inbox.title");',
    );
    write("app/x/actions.ts", '"use server";\nimport { reply } from "@/lib/reply";\nrunAction(() => reply());');
    write(
      "lib/reply.ts",
      'const GONE = "notices.errors.notNotified";\nthrow new ConflictError("notices.errors.superseded");\nmsg(`area.${key}`);\nthrow new NotFoundError(GONE);',
    );
    try {
      const fixture = createSourceGraph(dir, catalog.en);
      const page = join(dir, "app/x/page.tsx");
      const { provided, needs } = fixture.pageMessages("app/x/page.tsx", routeEntries(dir, page));
      expect(provided).toEqual(["common"]);
      expect(needs.filter((n) => !covers(provided, n.scope)).map((n) => `${n.scope} (${n.from})`)).toEqual([
        "notices.inbox.title (app/x/form.tsx)",
        "notices.errors.superseded (lib/reply.ts)",
        "area (lib/reply.ts)",
        "notices.errors.notNotified (lib/reply.ts)",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(covers(["conflicts.twoSided"], "conflicts.twoSided.alert")).toBe(true);
    expect(covers(["conflicts.twoSided.alert"], "conflicts.twoSided")).toBe(false);
    expect(covers(["operations"], "operationsX.y")).toBe(false);
  });
});
