// Validates a CAP message against the official OASIS CAP 1.2 schema (tests/fixtures/cap) with
// libxml2's own schema validator, compiled to WebAssembly (xmllint-wasm): the same checks as
// `xmllint --noout --schema`, with nothing to install beyond `npm ci`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

export const CAP_XSD_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../fixtures/cap/CAP-v1.2.xsd",
);
const schema = { fileName: "CAP-v1.2.xsd", contents: readFileSync(CAP_XSD_PATH, "utf8") };

export interface CapValidation {
  ok: boolean;
  /** xmllint's report: "<name>.xml validates", or each error with its line. */
  output: string;
}

/** Schema-validates one document; a validator that cannot run at all throws rather than passing. */
export async function validateCap(xml: string, name: string): Promise<CapValidation> {
  const result = await validateXML({ xml: { fileName: `${name}.xml`, contents: xml }, schema });
  return { ok: result.valid, output: result.rawOutput };
}
