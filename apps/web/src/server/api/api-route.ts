import { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
export type ApiTag =
  | "servers"
  | "catalogue"
  | "policies"
  | "grants"
  | "logs"
  | "approvals"
  | "audit"
  | "meta";
/** The least role that may call the route ("public": no API key needed). */
export type MinimumRole = "viewer" | "policy_manager" | "admin" | "public";

type ObjectSchema = z.ZodObject;

/**
 * One REST operation: what the handler parses and returns, and what the OpenAPI document
 * says about it. Handlers and the generator read the same object, so they cannot drift.
 */
export type ApiRoute<
  R extends z.ZodType = z.ZodType,
  P extends ObjectSchema = ObjectSchema,
  Q extends ObjectSchema = ObjectSchema,
  B extends z.ZodType = z.ZodType,
> = {
  operationId: string;
  method: HttpMethod;
  // OpenAPI style, relative to /api/v1: "/servers/{serverId}".
  path: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  minimumRole: MinimumRole;
  status: 200 | 201;
  params: P;
  query: Q;
  body: B | undefined;
  response: R;
};

type RouteSpec<R, P, Q, B> = Omit<ApiRoute, "params" | "query" | "body" | "response" | "status"> & {
  status?: 200 | 201;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
};

const noFields = z.object({});

/** Declares a route; absent params, query or body mean the route takes none. */
export function defineRoute<
  R extends z.ZodType,
  P extends ObjectSchema = typeof noFields,
  Q extends ObjectSchema = typeof noFields,
  B extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<R, P, Q, B>): ApiRoute<R, P, Q, B> {
  return {
    ...spec,
    status: spec.status ?? 200,
    // The defaults are only used when the type parameters fall back to the same defaults.
    params: spec.params ?? (noFields as unknown as P),
    query: spec.query ?? (noFields as unknown as Q),
    body: spec.body,
  };
}
