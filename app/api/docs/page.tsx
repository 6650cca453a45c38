// /api/docs — the API reference, rendered on the server from the OpenAPI document
// (lib/api-contract): no script, no assets from elsewhere, so it works offline and under the
// strict page policy. Public, like the document itself. The chrome follows the viewer's
// language; the reference text is the document's (English).
import type { Metadata } from "next";
import { getLocale, getT } from "@/app/_i18n/server";
import { openApiDocument } from "@/lib/api-contract/document";
import { LOCALES } from "@/lib/i18n/locales";
import { OperationView, type Operation } from "./_components/operation-view";
import { SchemaView, schemaAnchor, type Schema } from "./_components/schema-view";

const NAMES: Record<string, string> = { en: "English", es: "Español" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("apiDocs");
  return { title: t("title") };
}

export default async function ApiDocsPage() {
  const t = await getT("apiDocs");
  const locale = await getLocale();
  const doc = openApiDocument().doc as unknown as {
    info: { title: string; version: string; description?: string };
    tags: { name: string; description?: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema>; responses: Record<string, Operation["responses"][string]> };
  };
  // Shared error responses are references; show each with its own description.
  const resolve = (r: Operation["responses"][string]) =>
    r.$ref ? { ...doc.components.responses[r.$ref.split("/").pop() as string], error: true } : r;
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      path,
      method,
      op: { ...op, responses: Object.fromEntries(Object.entries(op.responses).map(([s, r]) => [s, resolve(r)])) },
    })),
  );
  const schemas = Object.entries(doc.components.schemas).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-ink">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("skip")}
      </a>
      <header className="bg-brand-dark text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-semibold">
            {t("title")} <span className="text-sm font-normal">v{doc.info.version}</span>
          </p>
          <nav aria-label={t("language")}>
            <ul className="flex gap-3 text-sm">
              {LOCALES.map((l) => (
                <li key={l}>
                  {l === locale ? (
                    <span aria-current="true" className="font-semibold underline">
                      {NAMES[l]}
                    </span>
                  ) : (
                    <a href={`/api/docs?lang=${l}`} lang={l} hrefLang={l} className="text-white underline">
                      {NAMES[l]}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 space-y-8 px-4 py-6" data-testid="api-docs">
        <section className="space-y-3">
          <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
          <p>{t("intro")}</p>
          <p className="text-sm text-muted">{t("englishOnly")}</p>
          <p>
            <a className="text-brand underline" href="/api/v1/openapi.json" download>
              {t("download")}
            </a>
          </p>
          <h2 className="pt-2 text-lg font-semibold">{t("auth")}</h2>
          <p>{t("authText")}</p>
          <h2 className="pt-2 text-lg font-semibold">{t("errorsTitle")}</h2>
          <p>
            {t("errorsText")} (<a href={`#${schemaAnchor("Error")}`}>Error</a>)
          </p>
        </section>
        <nav aria-labelledby="contents" className="rounded border border-line bg-white p-4">
          <h2 id="contents" className="text-lg font-semibold">
            {t("contents")}
          </h2>
          <p className="text-sm text-muted">
            {t("operationCount", { count: operations.length })} · {t("schemaCount", { count: schemas.length })}
          </p>
          {doc.tags.map((tag) => (
            <div key={tag.name} className="mt-3">
              <h3 className="font-semibold">{tag.name}</h3>
              <ul className="ml-4 list-disc text-sm">
                {operations
                  .filter(({ op }) => op.tags?.includes(tag.name))
                  .map(({ path, method, op }) => (
                    <li key={op.operationId}>
                      <a href={`#op-${op.operationId}`}>
                        <span className="font-mono uppercase">{method}</span> <span className="font-mono">{path}</span>
                      </a>{" "}
                      — {op.summary}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        <section aria-labelledby="operations" className="space-y-6">
          <h2 id="operations" className="text-xl font-semibold">
            {t("operations")}
          </h2>
          {operations.map(({ path, method, op }) => (
            <OperationView key={op.operationId} path={path} method={method} op={op} t={t} />
          ))}
        </section>
        <section aria-labelledby="schemas" className="space-y-6">
          <h2 id="schemas" className="text-xl font-semibold">
            {t("schemas")}
          </h2>
          {schemas.map(([name, schema]) => (
            <article key={name} id={schemaAnchor(name)} className="rounded border border-line bg-white p-4">
              <h3 className="font-mono text-lg font-semibold">{name}</h3>
              {schema.description && <p className="mb-2 text-sm">{schema.description}</p>}
              <SchemaView schema={schema} t={t} label={name} />
            </article>
          ))}
        </section>
      </main>
    </div>
  );
}
