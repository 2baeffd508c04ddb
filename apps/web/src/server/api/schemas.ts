import { z } from "zod";

/** A timestamp: a Date in the services, an ISO 8601 string on the wire. */
export const isoDateSchema = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

export const roleSchema = z.enum(["admin", "policy_manager", "viewer"]);

/** A policy document (v1). Validated by the policy language, not here, so issues carry JSON pointers. */
export const policyDocumentSchema = z.unknown().meta({
  id: "PolicyDocument",
  description: "A Toolgate policy document, version 1.",
});

export const issueSchema = z
  .object({ path: z.string().meta({ description: "JSON pointer" }), message: z.string() })
  .meta({ id: "Issue" });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string(),
      issues: z.array(issueSchema).optional(),
    }),
  })
  .meta({ id: "Error" });

export const serverIdParams = z.object({ serverId: z.string().min(1).max(100) });

export const serverSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    url: z.string(),
    transport: z.string(),
    hasHeaders: z.boolean(),
    lastScannedAt: isoDateSchema.nullable(),
    createdAt: isoDateSchema,
  })
  .meta({ id: "Server" });

export const scanSummarySchema = z
  .object({
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    missing: z.number().int(),
  })
  .meta({ id: "ScanSummary" });

export const grantSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    tokenPrefix: z.string(),
    serverId: z.string().nullable(),
    servers: z.array(z.string()).nullable().meta({
      description:
        "The ids of the servers a grant restricted to a subset may use; null when it is bound to serverId or may use every server.",
    }),
    status: z.enum(["active", "revoked", "expired"]),
    createdAt: isoDateSchema,
    lastUsedAt: isoDateSchema.nullable(),
    expiresAt: isoDateSchema.nullable(),
    oauthClient: z.object({ id: z.string(), name: z.string() }).nullable().meta({
      description: "The OAuth client whose sign-in created the grant; null for a pasted-token grant.",
    }),
  })
  .meta({ id: "Grant" });
