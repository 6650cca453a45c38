// The OpenAPI 3.1 document of /api/v1, generated from the operation table (paths.ts): request
// schemas from lib/validation, response schemas from this folder, one error body, bearer tokens.
// docs/openapi.json is this document, written by `npm run openapi:write` (a test keeps them equal).
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { areaSchema } from "../validation/area";
import { instantSchema } from "../validation/operation";
import { areaInput } from "./area-input";
import { errorBody } from "./common";
import { API_OPERATIONS, type ApiOperation } from "./paths";

export const API_BASE_PATH = "/api/v1";

const ERROR_TEXT: Record<number, string> = {
  400: "The body is not JSON, or not a JSON object.",
  401: "No valid API token (WWW-Authenticate: Bearer).",
  403: "The token lacks the scope this operation needs (INSUFFICIENT_SCOPE), or its agency may not do this.",
  404: "No such resource for the token's agency (another agency's ids answer the same).",
  409: "The resource changed or is in a state that refuses this (e.g. a stale `version`).",
  413: "The body is larger than 512 KiB.",
  415: "The body is not application/json.",
  422: "Some fields were refused; `issues` names each.",
  429: "Over the token's or the agency's allowance; Retry-After says when to come back.",
  503: "The request could not be recorded in the audit trail, so it was not carried out.",
};
const ALWAYS = [401, 403, 429, 503];

const idParam = z.object({
  id: z.string().meta({
    description: "The resource's id (a UUID; anything else is a 404).",
    example: "3f1c2a7e-9b4d-4c1e-8a52-6f0d9e7b1a24",
  }),
});

function operationObject(op: ApiOperation): ZodOpenApiOperationObject {
  const statuses = [...new Set([...op.errors, ...ALWAYS])].sort((a, b) => a - b);
  const success = op.success;
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, `Token scope: \`${op.scope}\`.`].filter(Boolean).join("\n\n"),
    "x-scope": op.scope,
    requestParams: { ...(op.path.includes("{id}") ? { path: idParam } : {}), ...(op.query ? { query: op.query } : {}) },
    ...(op.body
      ? {
          requestBody: {
            required: !op.body.optional,
            content: {
              "application/json": {
                schema: op.body.schema,
                ...(op.body.example ? { examples: { example: { value: op.body.example } } } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      [`${success.status}`]: {
        description: success.description,
        ...(op.operationId === "fileOperation"
          ? { headers: { Location: { description: "The new operation's URL.", schema: z.string() } } }
          : {}),
        content: { [success.mediaType ?? "application/json"]: { schema: success.schema } },
      },
      ...Object.fromEntries(statuses.map((s) => [`${s}`, { $ref: `#/components/responses/Error${s}` }])),
    } as ZodOpenApiResponsesObject,
  };
}

/** The schemas lib/validation reads with transforms the generator cannot see through. */
function renderOpaque({ jsonSchema, zodSchema }: { jsonSchema: Record<string, unknown>; zodSchema: unknown }) {
  const replace = (next: Record<string, unknown>) => {
    for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
    Object.assign(jsonSchema, next);
  };
  if (zodSchema === areaSchema) return replace({ $ref: "#/components/schemas/AreaInput" });
  if (zodSchema === instantSchema)
    return replace({
      type: "string",
      format: "date-time",
      description: "RFC 3339 with an explicit offset (seconds optional), between 2000 and 2100.",
      example: "2027-03-10T14:00:00-06:00",
    });
  const def = (zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
  if (def?.type === "date") replace({ type: "string", format: "date-time" });
}

export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of API_OPERATIONS) {
    const key = `${API_BASE_PATH}${op.path}`;
    paths[key] = { ...paths[key], [op.method]: operationObject(op) };
  }
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Common Ground API",
        version: "1.0.0",
        description:
          "Every request runs as an agency API token (`Authorization: Bearer cg_…`), created by the agency's administrator with the scopes it needs (`read`, `file`, `conflicts`). Each request is recorded in the agency's audit trail. Failures answer with the `Error` body; messages follow `Accept-Language` (English or Spanish). Instants are RFC 3339.",
        license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
      },
      servers: [{ url: "/", description: "This server" }],
      security: [{ bearerToken: [] }],
      tags: [
        { name: "Operations", description: "The agency's own operations." },
        { name: "Deconfliction", description: "Dry-run checks: nothing is stored." },
        { name: "Conflicts", description: "Conflicts between two agencies' operations, as one side sees them." },
        { name: "Notices", description: "Notices sent and received, their threads and CAP messages." },
        { name: "Requests", description: "Federal requests: the receiving agency's log and decisions." },
        { name: "Reports", description: "The agency's published request reports." },
      ],
      paths,
      components: {
        securitySchemes: {
          bearerToken: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "cg_<43 characters>",
            description: "An agency API token, shown once when its administrator creates it.",
          },
        },
        schemas: { AreaInput: areaInput },
        responses: Object.fromEntries(
          [...Object.keys(ERROR_TEXT)].map((s) => [
            `Error${s}`,
            { description: ERROR_TEXT[Number(s)], content: { "application/json": { schema: errorBody } } },
          ]),
        ),
      },
    },
    { override: renderOpaque },
  );
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/**
 * Drops component schemas nothing references: the generator renders a component seen in both a
 * request and a response twice, and the input-only area forms' response copies are never used.
 */
function pruneUnreferenced(doc: OpenApiDocument): OpenApiDocument {
  const schemas = doc.components?.schemas ?? {};
  for (;;) {
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: undefined } });
    const inSchemas = Object.entries(schemas).map(([name, s]) => [name, JSON.stringify(s)] as const);
    const used = (name: string) =>
      text.includes(`"#/components/schemas/${name}"`) ||
      inSchemas.some(([other, body]) => other !== name && body.includes(`"#/components/schemas/${name}"`));
    const unused = Object.keys(schemas).filter((name) => !used(name));
    if (unused.length === 0) return doc;
    for (const name of unused) delete schemas[name];
  }
}

let cached: { doc: OpenApiDocument; text: string } | undefined;

/** The document and its JSON text (2-space indented, as checked in), built once per process. */
export function openApiDocument(): { doc: OpenApiDocument; text: string } {
  if (!cached) {
    const doc = pruneUnreferenced(buildOpenApiDocument());
    cached = { doc, text: `${JSON.stringify(doc, null, 2)}\n` };
  }
  return cached;
}
