import { z } from "zod";
import { checkPolicy } from "./check-policy";
import { MAX_SECONDS } from "./units";

export const LIMIT_SCOPES = ["grant", "session", "server", "tenant"] as const;
export const CONDITION_OPS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "lt",
  "lte",
  "gt",
  "gte",
  "regex",
  "contains",
  "exists",
] as const;
export const RULE_ACTIONS = ["allow", "deny", "require_approval"] as const;
/** Who decides a require_approval call: the tenant's team, or the person using the agent. */
export const APPROVERS = ["team", "user"] as const;

// Counter names end up inside Redis keys; a small alphabet keeps keys readable and unambiguous.
const COUNTER_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const ARGS_PATH_PATTERN = /^args(\.[^.]+)+$/;

const WINDOW_MESSAGE = `window must be "second", "minute", "hour", "day" or a whole number of seconds between 1 and ${MAX_SECONDS}`;

const windowSchema = z.union(
  [
    z.enum(["second", "minute", "hour", "day"]),
    z
      .number()
      .int(WINDOW_MESSAGE)
      .positive(WINDOW_MESSAGE)
      .max(MAX_SECONDS, WINDOW_MESSAGE)
      .meta({ description: "Window length in seconds" }),
  ],
  { error: WINDOW_MESSAGE },
);

export const limitSchema = z
  .strictObject({
    counter: z
      .string({ error: "counter must be a string" })
      .regex(COUNTER_PATTERN, "counter must be 1-128 characters of letters, digits, '_', '.', ':' or '-'"),
    window: windowSchema,
    max: z
      .number({ error: "max must be a number" })
      .int("max must be a whole number")
      .positive("max must be at least 1")
      .max(1_000_000_000, "max must be at most 1,000,000,000"),
    scope: z.enum(LIMIT_SCOPES, { error: 'scope must be "grant", "session", "server" or "tenant"' }),
  })
  .meta({
    description: "At most `max` calls per fixed window; limits naming the same counter share one budget.",
  });

const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const conditionSchema = z
  .strictObject({
    path: z
      .string({ error: "path must be a string" })
      .regex(ARGS_PATH_PATTERN, 'path must start with "args." and name an argument, e.g. "args.iso_path"'),
    op: z.enum(CONDITION_OPS, { error: `op must be one of: ${CONDITION_OPS.join(", ")}` }),
    value: z
      .union([scalarSchema, z.array(scalarSchema)], {
        error: "value must be a string, number, boolean, null or a list of those",
      })
      .optional(),
  })
  .meta({ description: "A test on one argument of the call." });

const messageSchema = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(1000, "must be at most 1000 characters");

export const ruleSchema = z
  .strictObject({
    action: z
      .enum(RULE_ACTIONS, { error: 'action must be "allow", "deny" or "require_approval"' })
      .optional(),
    on_deny: messageSchema.optional().meta({ description: "Message the agent sees when this rule denies." }),
    reason: messageSchema.optional().meta({ description: "Alias of on_deny." }),
    limits: z.array(limitSchema, { error: "limits must be a list" }).optional(),
    rate_limit: z
      .string({ error: 'rate_limit must be a string such as "30/minute"' })
      .optional()
      .meta({ description: 'Shorthand for one grant-scoped limit, e.g. "30/minute".' }),
    require: z.array(conditionSchema, { error: "require must be a list of conditions" }).optional(),
    deny_if: z.array(conditionSchema, { error: "deny_if must be a list of conditions" }).optional(),
    approval: z
      .strictObject({
        timeout: z.string({ error: 'timeout must be a duration such as "30s", "10m" or "1h"' }).optional(),
        by: z.enum(APPROVERS, { error: 'by must be "team" or "user"' }).optional().meta({
          description:
            'Who approves: "team" (default; the dashboard or a notification) or "user" (the person at the MCP client is asked in-band; falls back to the team).',
        }),
      })
      .optional(),
  })
  .meta({ description: "What happens to calls of the tools this key matches." });

export const policyObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal("1", { error: 'version must be "1"' }),
  default: z.enum(["allow", "deny"], { error: 'default must be "allow" or "deny"' }),
  hide: z
    .array(z.string({ error: "each hide entry must be a string" }).min(1, "hide entries must not be empty"), {
      error: "hide must be a list of tool names or globs",
    })
    .optional(),
  all_tools: z
    .strictObject({ limits: z.array(limitSchema, { error: "limits must be a list" }).optional() })
    .optional(),
  tools: z
    .record(z.string(), ruleSchema, { error: "tools must be an object of tool name → rule" })
    .optional(),
});

/** The v1 policy document: strict (unknown keys are errors), with cross-field checks. */
export const policySchema = policyObjectSchema
  .superRefine(checkPolicy)
  .meta({ title: "Toolgate policy, version 1" });

export type Policy = z.infer<typeof policySchema>;
export type PolicyRule = z.infer<typeof ruleSchema>;
export type PolicyLimit = z.infer<typeof limitSchema>;
export type PolicyCondition = z.infer<typeof conditionSchema>;
export type ConditionOp = (typeof CONDITION_OPS)[number];
export type LimitScope = (typeof LIMIT_SCOPES)[number];
