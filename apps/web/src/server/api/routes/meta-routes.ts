import { z } from "zod";
import { defineRoute } from "../api-route";

export const openApiRoute = defineRoute({
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  tag: "meta",
  minimumRole: "public",
  response: z.record(z.string(), z.unknown()),
});
