// One operation of the API reference: method and path, what it does, its parameters, body and
// responses, with the document's example.
import type { Translate } from "@/lib/i18n/translate";
import { SchemaView, TypeLabel, type Schema } from "./schema-view";
import { ColumnHeads } from "./column-heads";

type Media = Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
export type Operation = {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  "x-scope"?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: Schema }[];
  requestBody?: { required?: boolean; content: Media };
  responses: Record<string, { $ref?: string; description?: string; content?: Media; error?: boolean }>;
};

export function OperationView({ path, method, op, t }: { path: string; method: string; op: Operation; t: Translate }) {
  const body = op.requestBody && Object.entries(op.requestBody.content)[0];
  const example = body?.[1].examples?.example?.value;
  // The scope is shown below, in the viewer's language.
  const description = op.description?.replace(/\s*Token scope: `[^`]*`\.$/, "");
  return (
    <article id={`op-${op.operationId}`} className="rounded border border-line bg-white p-4">
      <h3 className="text-lg font-semibold">
        <span className="mr-2 rounded bg-brand-dark px-2 py-0.5 font-mono text-sm uppercase text-white">{method}</span>
        <span className="break-all font-mono">{path}</span>
      </h3>
      <p className="mt-1 font-medium">{op.summary}</p>
      {description && <p className="mt-1 whitespace-pre-line text-sm">{description}</p>}
      {op.parameters && op.parameters.length > 0 && (
        <>
          <h4 className="mt-3 font-semibold">{t("parameters")}</h4>
          <div
            className="overflow-x-auto"
            tabIndex={0}
            role="region"
            aria-label={`${t("parameters")}: ${method.toUpperCase()} ${path}`}
          >
          <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
            <ColumnHeads labels={[t("name"), t("in"), t("type"), t("required"), t("description")]} />
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`} className="border-b border-line align-top">
                  <td className="py-1 pr-3">
                    <code>{p.name}</code>
                  </td>
                  <td className="py-1 pr-3">{p.in}</td>
                  <td className="py-1 pr-3">
                    <TypeLabel schema={p.schema} t={t} />
                  </td>
                  <td className="py-1 pr-3">{p.required ? t("yes") : t("no")}</td>
                  <td className="py-1">{p.description ?? p.schema.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
      {body && (
        <>
          <h4 className="mt-3 font-semibold">
            {t("requestBody")} <span className="font-normal text-muted">({body[0]})</span>
            {!op.requestBody?.required && <span className="font-normal text-muted"> — {t("optionalBody")}</span>}
          </h4>
          <SchemaView schema={body[1].schema} t={t} label={`${t("requestBody")}: ${method.toUpperCase()} ${path}`} />
        </>
      )}
      {example !== undefined && (
        <>
          <h4 className="mt-3 font-semibold">{t("example")}</h4>
          {/* Focusable: a keyboard user can scroll a wide example. */}
          <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-100 p-2 text-xs">
            {JSON.stringify(example, null, 2)}
          </pre>
        </>
      )}
      <h4 className="mt-3 font-semibold">{t("responses")}</h4>
      <ul className="text-sm">
        {Object.entries(op.responses).map(([status, r]) => {
          const media = r.content && Object.entries(r.content)[0];
          return (
            <li key={status} className="py-0.5">
              <span className="font-mono font-semibold">{status}</span>{" "}
              {r.description} {media && <TypeLabel schema={media[1].schema} t={t} />}
            </li>
          );
        })}
      </ul>
      {op["x-scope"] && (
        <p className="mt-2 text-sm">
          {t("scope")}: <code>{op["x-scope"]}</code>
        </p>
      )}
    </article>
  );
}
