// The history names changed fields through a table of labels, out of reach of the catalog's
// usage test: every label must exist in every language.
import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/i18n/catalog";
import { lookup } from "@/lib/i18n/translate";
import { FIELD_LABELS } from "./operation-history";

describe("operation history labels", () => {
  it.each(Object.keys(catalog))("exist in %s", (lang) => {
    const missing = Object.values(FIELD_LABELS).filter(
      (label) => lookup(catalog[lang as keyof typeof catalog], `operations.detail.${label}`) === undefined,
    );
    expect(missing).toEqual([]);
  });
});
