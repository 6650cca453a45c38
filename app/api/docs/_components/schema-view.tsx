// A JSON Schema (from the OpenAPI document) as people read it: a type line with links to named
// schemas, and an object's properties as a table. Server-rendered; no script.
import type { Translate } from "@/lib/i18n/translate";
import { ColumnHeads } from "./column-heads";

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
};

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.split("/").pop() as string;

function bounds(s: Schema): string {
  const parts: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`${s.minimum ?? "−∞"}–${s.maximum ?? "∞"}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) parts.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  return parts.join(", ");
}

/** One line: what a value of this schema is. */
export function TypeLabel({ schema, t }: { schema: Schema; t: Translate }) {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== "null");
    return (
      <span>
        {nonNull.length > 1 && `${t("oneOf")}: `}
        {nonNull.map((v, i) => (
          <span key={i}>
            {i > 0 && " | "}
            <TypeLabel schema={v} t={t} />
          </span>
        ))}
        {nonNull.length < variants.length && ` ${t("nullable")}`}
      </span>
    );
  }
  if (schema.allOf)
    return (
      <span>
        {`${t("allOf")}: `}
        {schema.allOf.map((v, i) => (
          <span key={i}>
            {i > 0 && " & "}
            <TypeLabel schema={v} t={t} />
          </span>
        ))}
      </span>
    );
  if (schema.const !== undefined) return <code>{JSON.stringify(schema.const)}</code>;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(Boolean) as string[];
  const nullable = types.includes("null");
  const main = types.filter((x) => x !== "null")[0];
  let label: React.ReactNode;
  if (main === "array" && schema.items)
    label = (
      <span>
        {`${t("arrayOf")} `}
        <TypeLabel schema={schema.items} t={t} />
      </span>
    );
  else if (main) label = <span>{`${main}${schema.format ? ` (${schema.format})` : ""}`}</span>;
  else label = <span>{schema.properties ? t("object") : t("anyValue")}</span>;
  const extra = bounds(schema);
  return (
    <span>
      {label}
      {nullable && ` ${t("nullable")}`}
      {schema.enum && (
        <span>
          {`; ${t("values")}: `}
          {schema.enum.map((v, i) => (
            <span key={i}>
              {i > 0 && ", "}
              <code>{String(v)}</code>
            </span>
          ))}
        </span>
      )}
      {extra && <span className="text-muted">{` (${extra})`}</span>}
    </span>
  );
}

/** An object schema's properties as a table; other schemas as their type line. */
export function SchemaView({
  schema,
  t,
  depth = 0,
  label,
}: {
  schema: Schema;
  t: Translate;
  depth?: number;
  /** Names the scrollable table for assistive technology. */
  label?: string;
}) {
  if (!schema.properties || depth > 3) return <TypeLabel schema={schema} t={t} />;
  const required = new Set(schema.required ?? []);
  const table = (
    <table className={`w-full border-collapse text-left text-sm${depth === 0 ? " min-w-[36rem]" : ""}`}>
      <ColumnHeads labels={[t("field"), t("type"), t("required"), t("description")]} />
      <tbody>
        {Object.entries(schema.properties).map(([name, prop]) => (
          <tr key={name} className="border-b border-line align-top">
            <td className="py-1 pr-3">
              <code>{name}</code>
            </td>
            <td className="py-1 pr-3">
              {prop.properties ? (
                <SchemaView schema={prop} t={t} depth={depth + 1} />
              ) : prop.type === "array" && prop.items?.properties ? (
                <>
                  {t("arrayOf")} <SchemaView schema={prop.items} t={t} depth={depth + 1} />
                </>
              ) : (
                <TypeLabel schema={prop} t={t} />
              )}
            </td>
            <td className="py-1 pr-3">{required.has(name) ? t("yes") : t("no")}</td>
            <td className="py-1">{prop.description ?? prop.items?.description ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (depth > 0) return table;
  // A phone scrolls a wide table sideways; focusable, so a keyboard can too.
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label ?? t("field")}>
      {table}
    </div>
  );
}
