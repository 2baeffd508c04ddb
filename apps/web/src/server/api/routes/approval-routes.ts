import { z } from "zod";
import { defineRoute } from "../api-route";
import { isoDateSchema } from "../schemas";

const approvalSchema = z
  .object({
    id: z.string(),
    serverId: z.string(),
    grantId: z.string(),
    tool: z.string(),
    arguments: z.unknown(),
    rule: z.string(),
    status: z.enum(["pending", "approved", "denied", "expired", "used"]),
    reason: z.string().nullable(),
    decidedById: z.string().nullable(),
    decidedByGrantId: z.string().nullable().meta({
      description: 'Set when the agent\'s user decided in their MCP client (approval "by": "user").',
    }),
    decidedAt: isoDateSchema.nullable(),
    expiresAt: isoDateSchema,
    createdAt: isoDateSchema,
  })
  .meta({ id: "Approval" });

const approvalIdParams = z.object({ approvalId: z.string().min(1).max(100) });
const decisionBody = z.object({ reason: z.string().trim().max(500).optional() }).default({});

export const listApprovalsRoute = defineRoute({
  operationId: "listPendingApprovals",
  method: "GET",
  path: "/approvals",
  summary: "Calls waiting for a human decision (unexpired), newest first",
  tag: "approvals",
  minimumRole: "viewer",
  response: z.object({ approvals: z.array(approvalSchema) }),
});

export const approveRoute = defineRoute({
  operationId: "approveCall",
  method: "POST",
  path: "/approvals/{approvalId}/approve",
  summary: "Approve a pending call (once, for its exact arguments)",
  description: "A request already decided or expired fails with 409 `conflict`.",
  tag: "approvals",
  minimumRole: "policy_manager",
  params: approvalIdParams,
  body: decisionBody,
  response: z.object({ approval: approvalSchema }),
});

export const denyRoute = defineRoute({
  operationId: "denyCall",
  method: "POST",
  path: "/approvals/{approvalId}/deny",
  summary: "Deny a pending call, with an optional reason the agent sees",
  description: "A request already decided or expired fails with 409 `conflict`.",
  tag: "approvals",
  minimumRole: "policy_manager",
  params: approvalIdParams,
  body: decisionBody,
  response: z.object({ approval: approvalSchema }),
});
