import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { PageHeader } from "@/components/page-header";
import { styles } from "@/components/styles";
import type { ApiRoute, HttpMethod } from "@/server/api/api-route";
import { apiRoutes } from "@/server/api/api-routes";
import { type JsonSchema, jsonSchemaFor } from "@/server/api/openapi/json-schema-for";
import { requireSession } from "@/server/session";

export const metadata: Metadata = { title: "API reference" };

const methodTones: Record<HttpMethod, "green" | "blue" | "yellow" | "red"> = {
  GET: "green",
  POST: "blue",
  PATCH: "yellow",
  DELETE: "red",
};

function fieldsOf(schema: JsonSchema) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    required: required.has(name),
    type: typeof property.type === "string" ? property.type : "value",
    description: typeof property.description === "string" ? property.description : "",
  }));
}

function Operation({ route, components }: { route: ApiRoute; components: Record<string, JsonSchema> }) {
  const parameters = [
    ...fieldsOf(jsonSchemaFor(route.params, components)).map((field) => ({ ...field, where: "path" })),
    ...fieldsOf(jsonSchemaFor(route.query, components)).map((field) => ({ ...field, where: "query" })),
  ];
  const body = route.body === undefined ? null : jsonSchemaFor(route.body, components);
  const response = jsonSchemaFor(route.response, components);
  return (
    <article id={route.operationId} className={`${styles.card} space-y-3 p-5`}>
      <header className="flex flex-wrap items-center gap-3">
        <Badge tone={methodTones[route.method]}>{route.method}</Badge>
        <code className="font-mono text-sm font-semibold break-all">/api/v1{route.path}</code>
        <span className="text-xs text-slate-500">
          {route.minimumRole === "public" ? "no key needed" : `role: ${route.minimumRole.replace("_", " ")}+`}
        </span>
      </header>
      <p className="text-sm font-medium text-slate-900">{route.summary}</p>
      {route.description !== undefined ? <p className="text-sm text-slate-600">{route.description}</p> : null}
      {parameters.length > 0 ? (
        <table className="text-sm">
          <tbody>
            {parameters.map((parameter) => (
              <tr key={`${parameter.where}-${parameter.name}`}>
                <td className="py-0.5 pr-4 font-mono text-xs">{parameter.name}</td>
                <td className="py-0.5 pr-4 text-xs text-slate-500">
                  {parameter.where}, {parameter.type}
                  {parameter.required ? ", required" : ""}
                </td>
                <td className="py-0.5 text-xs text-slate-600">{parameter.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body !== null ? <SchemaBlock title="Request body" schema={body} /> : null}
      <SchemaBlock title={`Response ${route.status}`} schema={response} />
    </article>
  );
}

function SchemaBlock({ title, schema }: { title: string; schema: unknown }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">{title}</summary>
      <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100">
        {JSON.stringify(schema, null, 2)}
      </pre>
    </details>
  );
}

/** The REST API reference, rendered from the same route registry the handlers and openapi.json use. */
export default async function ApiReferencePage() {
  await requireSession();
  const components: Record<string, JsonSchema> = {};
  const tags = [...new Set(apiRoutes.map((route) => route.tag))];
  const sections = tags.map((tag) => ({
    tag,
    operations: apiRoutes
      .filter((route) => route.tag === tag)
      .map((route) => <Operation key={route.operationId} route={route} components={components} />),
  }));
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            Authenticate with <code>Authorization: Bearer tg_key_…</code> (create keys under{" "}
            <Link href="/settings/api-keys" className={styles.link}>
              API keys
            </Link>
            ). Errors are <code>{"{ error: { code, message, requestId, issues? } }"}</code>. Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className={styles.link}>
              openapi.json
            </a>
            .
          </>
        }
      />
      <div className="space-y-10">
        {sections.map((section) => (
          <section key={section.tag} aria-labelledby={`tag-${section.tag}`} className="space-y-4">
            <h2 id={`tag-${section.tag}`} className="text-lg font-semibold capitalize">
              {section.tag}
            </h2>
            {section.operations}
          </section>
        ))}
        <section aria-labelledby="schemas" className="space-y-3">
          <h2 id="schemas" className="text-lg font-semibold">
            Schemas
          </h2>
          {Object.entries(components)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, schema]) => (
              <div key={name} id={`schema-${name}`} className={`${styles.card} p-4`}>
                <SchemaBlock title={name} schema={schema} />
              </div>
            ))}
        </section>
      </div>
    </>
  );
}
