import { newId } from "@toolgate/db";
import { z } from "zod";
import type { SessionContext } from "../context";
import { type Deps, getDeps } from "../deps";
import { ApiError } from "./api-error";
import type { ApiRoute } from "./api-route";
import { authenticateRequest } from "./authenticate-request";
import { errorResponse } from "./error-response";
import { toApiIssues } from "./zod-issue-paths";

/** What Next passes a route handler besides the request; routes without dynamic segments get no params. */
export type RouteContext = { params: Promise<Record<string, string> | undefined> };

/** What an operation receives: parsed, validated input and the caller's tenant context. */
export type OperationInput<R extends ApiRoute> = {
  deps: Deps;
  ctx: SessionContext;
  params: z.output<R["params"]>;
  query: z.output<R["query"]>;
  // Routes without a body declare z.undefined(), so this is `undefined` for them.
  body: z.output<Exclude<R["body"], undefined>>;
};

export type Operation<R extends ApiRoute> = (input: OperationInput<R>) => Promise<z.output<R["response"]>>;

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError("invalid_input", 400, `The ${what} is not valid.`, {
    issues: toApiIssues(parsed.error),
  });
}

async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError("invalid_json", 400, "The request body is not valid JSON.", { cause: error });
  }
}

/** Runs one API request: authenticate, parse, call the operation, encode the response or the error. */
export async function handleApiRequest<R extends ApiRoute>(
  deps: Deps,
  route: R,
  operation: Operation<R>,
  request: Request,
  context: RouteContext,
): Promise<Response> {
  const requestId = newId("req");
  try {
    const ctx = await authenticateRequest(deps.db, request);
    const params = parseOrThrow(route.params, (await context.params) ?? {}, "path");
    const query = parseOrThrow(route.query, Object.fromEntries(new URL(request.url).searchParams), "query");
    const body =
      route.body === undefined
        ? undefined
        : parseOrThrow(route.body, await readJsonBody(request), "request body");
    const result = await operation({ deps, ctx, params, query, body } as OperationInput<R>);
    // Encoding through the response schema turns dates into ISO strings and drops any field it does not declare.
    return Response.json(z.encode(route.response, result), {
      status: route.status,
      headers: { "x-request-id": requestId },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}

/** A Next route handler for `route`, with the process-wide dependencies. */
export function apiHandler<R extends ApiRoute>(route: R, operation: Operation<R>) {
  return (request: Request, context: RouteContext) =>
    handleApiRequest(getDeps(), route, operation, request, context);
}
