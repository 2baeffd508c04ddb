import { policyJsonSchema } from "@toolgate/policy-core";
import type { ApiRoute, MinimumRole } from "../api-route";
import { errorBodySchema } from "../schemas";
import { type JsonSchema, jsonSchemaFor } from "./json-schema-for";

const roleNotes: Record<MinimumRole, string> = {
  public: "No API key needed.",
  viewer: "Any API key (viewer and up).",
  policy_manager: "API keys with the policy_manager or admin role.",
  admin: "API keys with the admin role.",
};

const errorStatuses: Record<string, string> = {
  "400": "Invalid input: `invalid_input`, `invalid_json` or `invalid_policy`, with `issues` (JSON pointers)",
  "401": "Missing, unknown or revoked API key (`unauthenticated`)",
  "403": "The key's role cannot do this (`forbidden`)",
  "404": "Not found, or it belongs to another organisation (`not_found`)",
  "409": "Changed meanwhile (`conflict`, `policy_conflict`)",
};

type Parameter = { name: string; in: "path" | "query"; required: boolean; schema: unknown };

function parametersOf(route: ApiRoute, components: Record<string, JsonSchema>): Parameter[] {
  const describe = (schema: ApiRoute["params"], where: "path" | "query"): Parameter[] => {
    const json = jsonSchemaFor(schema, components);
    const properties = (json.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(json.required) ? json.required : []);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === "path" || required.has(name),
      schema: property,
    }));
  };
  return [...describe(route.params, "path"), ...describe(route.query, "query")];
}

function operationOf(route: ApiRoute, components: Record<string, JsonSchema>) {
  const jsonBody = (schema: JsonSchema) => ({ "application/json": { schema } });
  const errorRef = { $ref: "#/components/schemas/Error" };
  const errors = Object.fromEntries(
    Object.entries(errorStatuses)
      .filter(([status]) => route.minimumRole !== "public" || status === "404")
      .map(([status, description]) => [status, { description, content: jsonBody(errorRef) }]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, `Roles: ${roleNotes[route.minimumRole]}`].filter(Boolean).join("\n\n"),
    tags: [route.tag],
    ...(route.minimumRole === "public" ? { security: [] } : {}),
    parameters: parametersOf(route, components),
    ...(route.body === undefined
      ? {}
      : { requestBody: { required: true, content: jsonBody(jsonSchemaFor(route.body, components)) } }),
    responses: {
      [String(route.status)]: {
        description: route.summary,
        content: jsonBody(jsonSchemaFor(route.response, components)),
      },
      ...errors,
    },
  };
}

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route registry: the same zod
 * schemas the handlers parse requests and encode responses with.
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], serverUrl = "/api/v1") {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase()] = operationOf(route, components);
  }
  jsonSchemaFor(errorBodySchema, components);
  const { $schema: _dialect, ...policyDocument } = policyJsonSchema as JsonSchema;
  components.PolicyDocument = { ...policyDocument, description: "A Toolgate policy document, version 1." };
  return {
    openapi: "3.1.0",
    info: {
      title: "Toolgate API",
      version: "1.0.0",
      description:
        "Manage MCP servers, policies, grants, approvals and logs of one organisation. Authenticate with an API key from the dashboard (Settings → API keys): `Authorization: Bearer tg_key_…`. Every error has the shape `{ error: { code, message, requestId, issues? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A tenant API key (tg_key_…)" },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
