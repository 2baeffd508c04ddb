import { z } from "zod";
import { simulateCallInputSchema } from "../../policies/simulate-policy";
import { defineRoute } from "../api-route";
import { isoDateSchema, issueSchema, policyDocumentSchema, serverIdParams } from "../schemas";

const versionParams = serverIdParams.extend({ version: z.coerce.number().int().positive() });

const versionSummarySchema = z
  .object({
    version: z.number().int(),
    message: z.string(),
    authorId: z.string().nullable(),
    createdAt: isoDateSchema,
    current: z.boolean(),
  })
  .meta({ id: "PolicyVersionSummary" });

const publishedSchema = z.object({ version: z.number().int() });

export const getPolicyRoute = defineRoute({
  operationId: "getPolicy",
  method: "GET",
  path: "/servers/{serverId}/policy",
  summary: "The policy in force (version and document; null before the first publish)",
  tag: "policies",
  minimumRole: "viewer",
  params: serverIdParams,
  response: z.object({
    serverId: z.string(),
    version: z.number().int().nullable(),
    document: policyDocumentSchema.nullable(),
  }),
});

export const validatePolicyRoute = defineRoute({
  operationId: "validatePolicy",
  method: "POST",
  path: "/servers/{serverId}/policy/validate",
  summary: "Validate a policy document",
  description:
    "Schema errors come back as issues with JSON pointers into the document; a valid document also gets lint warnings against the server's catalogue.",
  tag: "policies",
  minimumRole: "viewer",
  params: serverIdParams,
  body: z.object({ document: policyDocumentSchema }),
  response: z.object({
    valid: z.boolean(),
    issues: z.array(issueSchema),
    warnings: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })),
  }),
});

export const simulatePolicyRoute = defineRoute({
  operationId: "simulatePolicy",
  method: "POST",
  path: "/servers/{serverId}/policy/simulate",
  summary: "What the policy would decide for one tools/call",
  description:
    "Evaluates the published policy, or the draft `document` if given. Limits are reported but never counted.",
  tag: "policies",
  minimumRole: "viewer",
  params: serverIdParams,
  body: simulateCallInputSchema,
  response: z.object({
    policyVersion: z.number().int().nullable(),
    decision: z.object({
      outcome: z.enum(["allow", "check_limits", "require_approval", "deny"]),
      rule: z.string(),
      reason: z.string().optional(),
      timeoutSeconds: z.number().optional(),
      limits: z
        .array(
          z.object({
            counter: z.string(),
            scope: z.string(),
            windowSeconds: z.number(),
            max: z.number(),
            rule: z.string(),
          }),
        )
        .optional(),
    }),
    explanation: z.string(),
  }),
});

export const publishPolicyRoute = defineRoute({
  operationId: "publishPolicy",
  method: "POST",
  path: "/servers/{serverId}/policy/versions",
  summary: "Publish a new policy version",
  description:
    "With `baseVersion` (the version you edited; null when the server had none) a concurrent publish makes this fail with 409 `policy_conflict` instead of overwriting it. An invalid document fails with 400 `invalid_policy` and its issues.",
  tag: "policies",
  minimumRole: "policy_manager",
  status: 201,
  params: serverIdParams,
  body: z.object({
    document: policyDocumentSchema,
    message: z.string().trim().max(500).optional(),
    baseVersion: z.number().int().positive().nullable().optional(),
  }),
  response: publishedSchema,
});

export const listPolicyVersionsRoute = defineRoute({
  operationId: "listPolicyVersions",
  method: "GET",
  path: "/servers/{serverId}/policy/versions",
  summary: "Every published version, newest first",
  tag: "policies",
  minimumRole: "viewer",
  params: serverIdParams,
  response: z.object({ versions: z.array(versionSummarySchema) }),
});

export const getPolicyVersionRoute = defineRoute({
  operationId: "getPolicyVersion",
  method: "GET",
  path: "/servers/{serverId}/policy/versions/{version}",
  summary: "One published version with its document",
  tag: "policies",
  minimumRole: "viewer",
  params: versionParams,
  response: versionSummarySchema.extend({ document: policyDocumentSchema }),
});

export const diffPolicyRoute = defineRoute({
  operationId: "diffPolicyVersions",
  method: "GET",
  path: "/servers/{serverId}/policy/diff",
  summary: "The JSON differences between two versions",
  description: "`to` defaults to the version in force. A missing `before` or `after` means added or removed.",
  tag: "policies",
  minimumRole: "viewer",
  params: serverIdParams,
  query: z.object({
    from: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive().optional(),
  }),
  response: z.object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(
      z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() }),
    ),
  }),
});

export const rollbackPolicyRoute = defineRoute({
  operationId: "rollbackPolicy",
  method: "POST",
  path: "/servers/{serverId}/policy/versions/{version}/rollback",
  summary: "Publish an old version's document anew",
  tag: "policies",
  minimumRole: "policy_manager",
  status: 201,
  params: versionParams,
  body: z
    .object({
      message: z.string().trim().max(500).optional(),
      baseVersion: z.number().int().positive().nullable().optional(),
    })
    .default({}),
  response: publishedSchema.extend({ restoredFrom: z.number().int() }),
});
