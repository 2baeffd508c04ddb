import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import * as served from "../../../app/api/v1/openapi.json/route";
import { apiRoutes } from "../api-routes";
import { buildOpenApiDocument } from "./build-openapi-document";

const apiDir = fileURLToPath(new URL("../../../app/api/v1", import.meta.url));
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** `servers/[serverId]/route.ts` → `/servers/{serverId}`. */
function openApiPathOf(file: string): string {
  const segments = relative(apiDir, file).split(sep).slice(0, -1);
  return `/${segments.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await (await served.GET()).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("describes every method of every route handler file under app/api/v1, and nothing else", async () => {
    const document = buildOpenApiDocument(apiRoutes);
    const files = routeFiles(apiDir);
    expect(files.length).toBeGreaterThan(15);
    const implemented: string[] = [];
    for (const file of files) {
      const module: Record<string, unknown> = await import(file);
      for (const method of methods) {
        if (typeof module[method] === "function") implemented.push(`${method} ${openApiPathOf(file)}`);
      }
    }
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(implemented.sort()).toEqual(documented.sort());
  });

  it("documents path parameters, request bodies and error responses from the zod schemas", () => {
    const document = buildOpenApiDocument(apiRoutes);
    const publish = document.paths["/servers/{serverId}/policy/versions"]?.post as {
      parameters: { name: string; in: string }[];
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
      responses: Record<string, unknown>;
    };
    expect(publish.parameters).toEqual([expect.objectContaining({ name: "serverId", in: "path" })]);
    expect(Object.keys(publish.requestBody.content["application/json"].schema.properties)).toEqual([
      "document",
      "message",
      "baseVersion",
    ]);
    expect(Object.keys(publish.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "404", "409"]),
    );
    expect(document.components.schemas.PolicyDocument).toMatchObject({ required: ["version", "default"] });
  });
});
