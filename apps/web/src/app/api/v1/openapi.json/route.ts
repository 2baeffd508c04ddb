import { apiRoutes } from "@/server/api/api-routes";
import { buildOpenApiDocument } from "@/server/api/openapi/build-openapi-document";

/** The OpenAPI document, generated from the route registry; public so tools can fetch it. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(apiRoutes));
}
