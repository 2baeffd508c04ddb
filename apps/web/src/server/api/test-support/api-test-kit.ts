// Test support for the REST API: route handlers are called as Next calls them, with real
// Request objects, against the real test database.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { z } from "zod";
import { testDatabaseUrl } from "../../../../test/test-env";
import { newTenant } from "../../../../test/test-tenant";
import { createApiKey } from "../../api-keys/create-api-key";
import { revokeApiKey } from "../../api-keys/revoke-api-key";
import { getDeps } from "../../deps";
import type { RouteContext } from "../api-handler";
import type { ApiRoute } from "../api-route";

// getDeps() parses the environment on first use, which happens after this module ran.
process.env.DATABASE_URL = testDatabaseUrl();
process.env.AUTH_SECRET ??= randomBytes(24).toString("base64url");
process.env.TOOLGATE_SECRET_KEY ??= randomBytes(32).toString("base64");
process.env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS = "1";

export type Handler = (request: Request, context: RouteContext) => Promise<Response>;
export type ApiResult = { status: number; body: unknown; requestId: string | null };

/** The database the handlers use (the process-wide one from getDeps). */
export function apiDb() {
  return getDeps().db;
}

/** A fresh organisation with one API key per role and a revoked admin key. */
export async function newApiTenant() {
  const db = apiDb();
  const tenant = await newTenant(db, "api");
  const make = async (role: "admin" | "policy_manager" | "viewer") =>
    (await createApiKey(db, tenant.ctx, { label: `${role}-key`, role })).key;
  const [admin, policyManager, viewer, revokedKey] = await Promise.all([
    make("admin"),
    make("policy_manager"),
    make("viewer"),
    createApiKey(db, tenant.ctx, { label: "old", role: "admin" }),
  ]);
  await revokeApiKey(db, tenant.ctx, revokedKey.apiKey.id);
  return { ...tenant, keys: { admin, policyManager, viewer, revoked: revokedKey.key } };
}

/** Calls a route handler with a real Request, as Next would. */
export async function callApi(
  handler: Handler,
  options: {
    path: string;
    method?: string;
    key?: string | null;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
  },
): Promise<ApiResult> {
  const headers = new Headers();
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (text !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost/api/v1${options.path}`, {
    method: options.method ?? (text === undefined ? "GET" : "POST"),
    headers,
    ...(text === undefined ? {} : { body: text }),
  });
  // As in Next: a route without dynamic segments gets no params at all.
  const response = await handler(request, { params: Promise.resolve(options.params) });
  // Exports stream NDJSON or CSV; everything else is a JSON document.
  const json = (response.headers.get("content-type") ?? "").includes("application/json");
  return {
    status: response.status,
    body: json ? await response.json() : await response.text(),
    requestId: response.headers.get("x-request-id"),
  };
}

/** Asserts the route's success status and decodes the body with the route's own response schema. */
export function expectOk<S extends z.ZodType>(
  result: ApiResult,
  route: { status: ApiRoute["status"]; response: S },
): z.output<S> {
  expect(result.body, JSON.stringify(result.body)).not.toHaveProperty("error");
  expect(result.status).toBe(route.status);
  return route.response.parse(result.body);
}

/** Asserts the API's one error shape with the given status and code; returns its issues. */
export function expectError(result: ApiResult, status: number, code: string) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.body).toMatchObject({
    error: { code, message: expect.any(String), requestId: result.requestId },
  });
  expect(result.requestId).toMatch(/^req_/);
  const issues = (result.body as { error: { issues?: { path: string; message: string }[] } }).error.issues;
  return issues ?? [];
}
