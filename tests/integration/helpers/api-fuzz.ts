// An OpenAPI-driven fuzzer for /api/v1: for each operation of the document it generates requests
// with fast-check from the operation's own request schemas — valid ones (from the JSON Schema and
// the document's examples) and broken ones (wrong types, missing and extra fields, huge strings,
// NUL and lone surrogates, other scripts, bad path ids, malformed JSON, wrong content types,
// oversized bodies) — sends them to a running server, and checks every answer: never a 5xx, and
// always a status and body the document describes (helpers/api-contract.ts).
import fc from "fast-check";
import { checkApiAnswer, ContractViolation } from "./api-contract";

type Schema = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } };

export type FuzzRequest = {
  method: string;
  template: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
  kind: string;
};
export type FuzzFailure = { request: FuzzRequest; status: number; problem: string };
export type FuzzReport = {
  requests: number;
  fiveXx: number;
  mismatches: number;
  failures: FuzzFailure[];
  /** "POST /api/v1/operations 201" → how many: what the run reached. */
  statuses: Record<string, number>;
};

/** Ids a path may name: real ones of the token's agency, by the resource they belong to. */
export type KnownIds = Record<string, string[]>;

const MAX_BODY = 512 * 1024;

const nasty = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "😀",
  "\u202e\u0301",
  "Ω≈ç√∫",
  "مرحبا",
  "𝕿𝖊𝖘𝖙",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  " ",
  "",
  "null",
  "9".repeat(400),
);
const anyJson = fc.oneof(
  fc.string(),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function resolve(doc: Doc, s: Schema): Schema {
  let out = s;
  for (let i = 0; i < 10 && typeof out.$ref === "string"; i++)
    out = doc.components.schemas[(out.$ref as string).split("/").pop() as string] ?? {};
  return out;
}

const isoInstant = fc
  .date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Values the schema describes (as far as JSON Schema says: the server's refinements may still refuse them). */
export function valueOf(doc: Doc, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  if (depth > 6) return fc.constant(null);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (variants) return fc.oneof(...variants.map((v) => valueOf(doc, v, depth + 1)));
  if (Array.isArray(s.allOf))
    return fc
      .tuple(...(s.allOf as Schema[]).map((v) => valueOf(doc, v, depth + 1)))
      .map((parts) => Object.assign({}, ...parts.map((p) => (p && typeof p === "object" ? p : {}))));
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== "null") : (s.type as string | undefined);
  switch (type) {
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required ?? []) as string[]);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = valueOf(doc, v, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
    }
    case "array":
      return fc.array(valueOf(doc, (s.items ?? {}) as Schema, depth + 1), {
        minLength: (s.minItems as number) ?? 0,
        maxLength: Math.min((s.maxItems as number) ?? 4, 4),
      });
    case "string":
      if (s.format === "date-time") return isoInstant;
      if (s.format === "uuid") return fc.uuid({ version: 4 });
      if (s.format === "email") return fc.emailAddress();
      return fc.string({
        minLength: (s.minLength as number) ?? 0,
        maxLength: Math.min((s.maxLength as number) ?? 40, 60),
      });
    case "integer":
      return fc.integer({ min: (s.minimum as number) ?? -1000, max: (s.maximum as number) ?? 100_000 });
    case "number":
      return fc.double({ min: (s.minimum as number) ?? -1e6, max: (s.maximum as number) ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return anyJson;
  }
}

/** A valid-shaped value with one thing broken: a field dropped, retyped, made huge or nasty, or one added. */
function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.nat(), fc.oneof(anyJson, nasty, fc.constant("x".repeat(20_000))), fc.nat(4))
    .map(([value, pick, replacement, how]) => {
      if (!value || typeof value !== "object" || Array.isArray(value)) return replacement;
      const copy = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length ? keys[pick % keys.length] : "extra";
      if (how === 0) delete copy[key];
      else if (how === 1) copy[`unexpected_${pick % 7}`] = replacement;
      else copy[key] = replacement;
      return copy;
    });
}

type Operation = {
  method: string;
  template: string;
  op: Schema;
};

function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), template, op })),
  );
}

const badIds = fc.oneof(
  fc.uuid({ version: 4 }),
  fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "..", "😀", "1", "x".repeat(300)),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes("/") && !s.includes("?") && !s.includes("#")),
);

function pathArb(t: Operation, ids: KnownIds): fc.Arbitrary<string> {
  if (!t.template.includes("{id}")) return fc.constant(t.template);
  const resource = t.template.split("/")[3];
  const known = ids[resource] ?? [];
  const id = known.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: badIds })
    : badIds;
  return id.map((v) => t.template.replace("{id}", encodeURIComponent(v)));
}

function queryArb(doc: Doc, t: Operation): fc.Arbitrary<string> {
  const params = ((t.op.parameters ?? []) as Schema[]).filter((p) => p.in === "query");
  if (!params.length) return fc.constant("");
  const entries = params.map((p) =>
    fc
      .option(
        fc.oneof(
          { weight: 3, arbitrary: valueOf(doc, p.schema as Schema).map((v) => String(v)) },
          { weight: 1, arbitrary: fc.oneof(nasty, fc.string({ maxLength: 30 })) },
        ),
        { nil: undefined },
      )
      .map((v) => (v === undefined ? null : ([p.name as string, v] as const))),
  );
  const some = fc.tuple(...entries).map((pairs) => {
    const q = new URLSearchParams();
    for (const pair of pairs) if (pair) q.append(pair[0], pair[1]);
    const text = q.toString();
    return text ? `?${text}` : "";
  });
  // One filter at a time reaches the answers a list gives; many at once mostly a 422.
  const one = fc
    .constantFrom(...params)
    .chain((p) =>
      valueOf(doc, p.schema as Schema).map((v) => `?${new URLSearchParams({ [p.name as string]: String(v) })}`),
    );
  return fc.oneof(fc.constant(""), one, some);
}

type Body = { body?: string; type?: string; kind: string };

function bodyArb(doc: Doc, t: Operation): fc.Arbitrary<Body> {
  const content = (t.op.requestBody as Schema | undefined)?.content as Record<string, Schema> | undefined;
  const media = content?.["application/json"];
  const json = (v: unknown): Body => ({ body: JSON.stringify(v), type: "application/json", kind: "valid-shaped" });
  if (!media)
    return fc.oneof(
      fc.constant<Body>({ kind: "no body" }),
      fc.constant<Body>({ body: "{}", type: "application/json", kind: "unexpected body" }),
    );
  const schema = media.schema as Schema;
  const example = (media.examples as Record<string, { value: unknown }> | undefined)?.example?.value;
  const valid = valueOf(doc, schema);
  const fromExample = example === undefined ? valid : fc.constant(example);
  return fc.oneof(
    { weight: 3, arbitrary: fromExample.map((v) => ({ ...json(v), kind: "example" })) },
    { weight: 3, arbitrary: valid.map(json) },
    { weight: 4, arbitrary: mutated(fc.oneof(fromExample, valid)).map((v) => ({ ...json(v), kind: "mutated" })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Body>(
        { body: "{", type: "application/json", kind: "bad JSON" },
        { body: '{"a":1,}', type: "application/json", kind: "bad JSON" },
        { body: "[]", type: "application/json", kind: "array body" },
        { body: "null", type: "application/json", kind: "null body" },
        { body: '"text"', type: "application/json", kind: "string body" },
        { body: "", type: "application/json", kind: "empty body" },
        { body: JSON.stringify(example ?? {}), type: "text/plain", kind: "wrong content type" },
        { body: "a=1&b=2", type: "application/x-www-form-urlencoded", kind: "wrong content type" },
        { body: JSON.stringify(example ?? {}), kind: "no content type" },
        { body: `{"pad":"${"x".repeat(MAX_BODY + 10)}"}`, type: "application/json", kind: "oversized body" },
        { body: "\u0000\u0000", type: "application/json", kind: "NUL body" },
        { body: '{"\\ud800":"\\udfff"}', type: "application/json", kind: "lone surrogates" },
      ),
    },
  );
}

/** Requests for one operation: mostly with the token, now and then without or with a bad one. */
export function requestsFor(doc: Doc, t: Operation, token: string, ids: KnownIds): fc.Arbitrary<FuzzRequest> {
  const auth = fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${token}`) },
    { weight: 1, arbitrary: fc.constantFrom("", "Bearer cg_nope", `Bearer ${token}x`, "Basic Zm9vOmJhcg==") },
  );
  return fc
    .tuple(pathArb(t, ids), queryArb(doc, t), bodyArb(doc, t), auth, fc.constantFrom("en", "es"))
    .map(([path, query, body, authorization, lang]) => ({
      method: t.method,
      template: t.template,
      path,
      query,
      body: body.body,
      kind: body.kind,
      headers: {
        "accept-language": lang,
        ...(authorization ? { authorization } : {}),
        ...(body.type ? { "content-type": body.type } : {}),
      },
    }));
}

export async function send(
  base: string,
  r: FuzzRequest,
): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${base}${r.path}${r.query}`, {
    method: r.method,
    headers: r.headers,
    body: r.method === "GET" ? undefined : r.body,
  });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

/** Runs `perOperation` generated requests against every operation of the document. */
export async function fuzzApi(o: {
  doc: Doc;
  base: string;
  token: string;
  ids: () => KnownIds;
  perOperation: number;
  seed: number;
  between?: () => Promise<void>;
}): Promise<FuzzReport> {
  const report: FuzzReport = { requests: 0, fiveXx: 0, mismatches: 0, failures: [], statuses: {} };
  for (const t of operationsOf(o.doc)) {
    if (t.template.endsWith("/openapi.json")) continue;
    const requests = fc.sample(requestsFor(o.doc, t, o.token, o.ids()), { numRuns: o.perOperation, seed: o.seed });
    for (const r of requests) {
      const answer = await send(o.base, r);
      report.requests++;
      const key = `${r.method} ${r.template} ${answer.status}`;
      report.statuses[key] = (report.statuses[key] ?? 0) + 1;
      if (answer.status >= 500) {
        report.fiveXx++;
        report.failures.push({ request: r, status: answer.status, problem: answer.text.slice(0, 300) });
        continue;
      }
      try {
        checkApiAnswer({
          method: r.method,
          template: r.template,
          status: answer.status,
          contentType: answer.type,
          body: answer.text,
        });
      } catch (e) {
        if (!(e instanceof ContractViolation)) throw e;
        report.mismatches++;
        report.failures.push({ request: r, status: answer.status, problem: e.message.slice(0, 400) });
      }
    }
    await o.between?.();
  }
  return report;
}

/** One line per failure, enough to replay it. */
export function describeFailure(f: FuzzFailure): string {
  const body =
    f.request.body === undefined ? "" : ` body(${f.request.kind})=${JSON.stringify(f.request.body.slice(0, 200))}`;
  return `${f.request.method} ${f.request.path}${f.request.query} [${f.request.headers["content-type"] ?? "-"}]${body} → ${f.status}: ${f.problem}`;
}
