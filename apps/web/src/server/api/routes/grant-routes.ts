import { z } from "zod";
import {
  createGrantFieldsSchema,
  oneServerOrSubset,
  oneServerOrSubsetIssue,
} from "../../grants/create-grant";
import { updateGrantInputSchema } from "../../grants/update-grant";
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
  body: createGrantFieldsSchema
    .extend({ serverId: createGrantFieldsSchema.shape.serverId.default(null) })
    .refine(oneServerOrSubset, oneServerOrSubsetIssue),
  response: issuedSchema,
});

export const updateGrantRoute = defineRoute({
  operationId: "updateGrant",
  method: "PATCH",
  path: "/grants/{grantId}",
  summary: "Rename a grant, or change the servers it may use",
  description:
    "`servers` (ids or slugs) restricts a grant for every server to those servers; `null` lets it use every server again. The agent's next request sees the change. A grant bound to one server cannot take a list (409 conflict).",
  tag: "grants",
  minimumRole: "policy_manager",
  params: grantIdParams,
  body: updateGrantInputSchema,
  response: z.object({ grant: grantSchema }),
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
