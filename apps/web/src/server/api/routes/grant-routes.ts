import { z } from "zod";
import { createGrantInputSchema } from "../../grants/create-grant";
import { defineRoute } from "../api-route";
import { grantSchema } from "../schemas";

const grantIdParams = z.object({ grantId: z.string().min(1).max(100) });
const issuedSchema = z.object({
  grant: grantSchema,
  token: z.string().meta({ description: "The bearer token. Shown once: only its hash is kept." }),
});

export const listGrantsRoute = defineRoute({
  operationId: "listGrants",
  method: "GET",
  path: "/grants",
  summary: "List grants (agent tokens), newest first",
  tag: "grants",
  minimumRole: "viewer",
  response: z.object({ grants: z.array(grantSchema) }),
});

export const createGrantRoute = defineRoute({
  operationId: "createGrant",
  method: "POST",
  path: "/grants",
  summary: "Create a grant; its token is returned once",
  tag: "grants",
  minimumRole: "policy_manager",
  status: 201,
  body: createGrantInputSchema.extend({ serverId: createGrantInputSchema.shape.serverId.default(null) }),
  response: issuedSchema,
});

export const revokeGrantRoute = defineRoute({
  operationId: "revokeGrant",
  method: "POST",
  path: "/grants/{grantId}/revoke",
  summary: "Revoke a grant; its agent is refused from its next call",
  tag: "grants",
  minimumRole: "policy_manager",
  params: grantIdParams,
  response: z.object({ grant: grantSchema }),
});

export const rotateGrantRoute = defineRoute({
  operationId: "rotateGrant",
  method: "POST",
  path: "/grants/{grantId}/rotate",
  summary: "Replace a grant's token: a new grant with the same label, the old one revoked",
  tag: "grants",
  minimumRole: "policy_manager",
  status: 201,
  params: grantIdParams,
  response: issuedSchema.extend({ revoked: grantSchema }),
});
