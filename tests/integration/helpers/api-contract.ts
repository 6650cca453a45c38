// Checks an /api/v1 answer against the OpenAPI document (lib/api-contract): the status must be one
// the operation documents, and the body must match that response's schema (JSON Schema 2020-12,
// validated with ajv). An undocumented status or shape throws, naming the operation and the fields.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { API_BASE_PATH, openApiDocument } from "@/lib/api-contract/document";

type Json = Record<string, unknown>;
const doc = openApiDocument().doc as unknown as Json;
const DOC_ID = "https://common-ground.invalid/openapi.json";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });

/** Statuses any request may get whatever it asked for: no token, over a limit, no audit trail. */
const REFUSALS = [401, 403, 404, 405, 429, 503];

const paths = doc.paths as Record<string, Record<string, Json>>;
const templates = Object.keys(paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
}));

/** The document's path template for a concrete path (e.g. /api/v1/operations/{id}); null if none. */
export function pathTemplateOf(pathname: string): string | null {
  const exact = templates.find((t) => t.template === pathname);
  return exact?.template ?? templates.find((t) => t.pattern.test(pathname))?.template ?? null;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const validators = new Map<string, ValidateFunction>();

function validatorFor(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: `${DOC_ID}#/${ref}` });
    validators.set(ref, v);
  }
  return v;
}

/** Resolves a response (maybe a $ref to components.responses) to where its schema lives. */
function responseRef(template: string, method: string, status: string): { ref: string; media: string[] } | null {
  const response = (paths[template]?.[method]?.responses as Record<string, Json> | undefined)?.[status];
  if (!response) return null;
  if (typeof response.$ref === "string") {
    const name = response.$ref.split("/").pop() as string;
    const target = (doc.components as { responses: Record<string, Json> }).responses[name];
    return { ref: pointer("components", "responses", name, "content"), media: Object.keys(target.content as Json) };
  }
  return {
    ref: pointer("paths", template, method, "responses", status, "content"),
    media: Object.keys(response.content as Json),
  };
}

export type ApiAnswer = {
  method: string;
  /** A template of the document (/api/v1/operations/{id}), or null for a path it does not describe. */
  template: string | null;
  status: number;
  contentType: string | null;
  body: string;
};

export class ContractViolation extends Error {}

/** Throws a ContractViolation unless the answer is one the document describes. */
export function checkApiAnswer(a: ApiAnswer): void {
  const method = (a.method === "HEAD" ? "GET" : a.method).toLowerCase();
  const where = `${a.method} ${a.template ?? "(undocumented path)"} → ${a.status}`;
  const operation = a.template ? paths[a.template]?.[method] : undefined;
  let found: { ref: string; media: string[] } | null;
  if (operation && a.template) {
    found = responseRef(a.template, method, String(a.status));
  } else {
    // A path or method the document does not list may only be refused, with the error body.
    found = REFUSALS.includes(a.status)
      ? { ref: pointer("components", "schemas", "Error"), media: ["application/json"] }
      : null;
    if (found) return validate(where, validatorFor(found.ref), a);
  }
  if (!found) throw new ContractViolation(`${where}: status not documented. Body: ${a.body.slice(0, 500)}`);
  const type = (a.contentType ?? "").split(";")[0].trim();
  if (!found.media.includes(type))
    throw new ContractViolation(`${where}: content type ${type || "(none)"}, documented ${found.media.join(", ")}`);
  validate(where, validatorFor(`${found.ref}/${pointer(type)}/schema`), a);
}

function validate(where: string, v: ValidateFunction, a: ApiAnswer) {
  const type = (a.contentType ?? "").split(";")[0].trim();
  let value: unknown = a.body;
  if (type === "application/json") {
    try {
      value = JSON.parse(a.body);
    } catch {
      throw new ContractViolation(`${where}: body is not JSON: ${a.body.slice(0, 200)}`);
    }
  }
  if (!v(value)) {
    const errors = (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}`);
    throw new ContractViolation(
      `${where}: body does not match the document: ${errors.join("; ")}. Body: ${a.body.slice(0, 800)}`,
    );
  }
}

export { API_BASE_PATH };
