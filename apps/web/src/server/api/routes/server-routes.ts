import { z } from "zod";
import { addServerInputSchema } from "../../servers/add-server";
import { updateServerInputSchema } from "../../servers/update-server";
import { defineRoute } from "../api-route";
import { scanSummarySchema, serverIdParams, serverSchema } from "../schemas";

export const listServersRoute = defineRoute({
  operationId: "listServers",
  method: "GET",
  path: "/servers",
  summary: "List the organisation's MCP servers",
  tag: "servers",
  minimumRole: "viewer",
  response: z.object({ servers: z.array(serverSchema) }),
});

export const addServerRoute = defineRoute({
  operationId: "addServer",
  method: "POST",
  path: "/servers",
  summary: "Register an MCP server",
  description:
    "Connects to the server (Streamable HTTP, else legacy HTTP+SSE), lists its tools and catalogues them with a risk class each. Header values are stored encrypted and never returned.",
  tag: "servers",
  minimumRole: "policy_manager",
  status: 201,
  body: addServerInputSchema.extend({ headers: addServerInputSchema.shape.headers.default([]) }),
  response: z.object({ server: serverSchema, toolCount: z.number().int() }),
});

export const getServerRoute = defineRoute({
  operationId: "getServer",
  method: "GET",
  path: "/servers/{serverId}",
  summary: "Get one server and its gateway URL",
  tag: "servers",
  minimumRole: "viewer",
  params: serverIdParams,
  response: z.object({ server: serverSchema, gatewayUrl: z.string() }),
});

export const updateServerRoute = defineRoute({
  operationId: "updateServer",
  method: "PATCH",
  path: "/servers/{serverId}",
  summary: "Rename a server, or change its URL or upstream headers",
  description:
    "A new URL or new headers are connection-tested first and the catalogue is re-scanned with them. Stored headers are bound to the URL's origin: a URL on another origin must come with `headers` (new values, or `[]` to drop them), else 400 invalid_input. The slug (and the gateway URL) never changes.",
  tag: "servers",
  minimumRole: "policy_manager",
  params: serverIdParams,
  body: updateServerInputSchema,
  response: z.object({ server: serverSchema, scan: scanSummarySchema.nullable() }),
});

export const deleteServerRoute = defineRoute({
  operationId: "deleteServer",
  method: "DELETE",
  path: "/servers/{serverId}",
  summary: "Delete a server with its catalogue, policy and server-bound grants",
  tag: "servers",
  minimumRole: "policy_manager",
  params: serverIdParams,
  response: z.object({ deleted: z.literal(true) }),
});

export const rescanServerRoute = defineRoute({
  operationId: "rescanServer",
  method: "POST",
  path: "/servers/{serverId}/rescan",
  summary: "List the server's tools again",
  description:
    "New tools arrive `unreviewed`; a reviewed tool whose definition changed is `quarantined` until its change is accepted.",
  tag: "servers",
  minimumRole: "policy_manager",
  params: serverIdParams,
  response: z.object({ server: serverSchema, scan: scanSummarySchema }),
});
