import { z } from "zod";
import { defineRoute } from "../api-route";
import { isoDateSchema } from "../schemas";

export const listAuditRoute = defineRoute({
  operationId: "listAuditEvents",
  method: "GET",
  path: "/audit",
  summary: "Admin actions (policy published, grant created or revoked, server changed…), newest first",
  description: "`actorUserId` is the user, or the API key (`key_…`) that acted.",
  tag: "audit",
  minimumRole: "admin",
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
  response: z.object({
    events: z.array(
      z
        .object({
          id: z.string(),
          actorUserId: z.string().nullable(),
          actorLabel: z.string(),
          action: z.string(),
          targetType: z.string(),
          targetId: z.string(),
          data: z.unknown(),
          createdAt: isoDateSchema,
        })
        .meta({ id: "AuditEvent" }),
    ),
  }),
});

export const verifyAuditRoute = defineRoute({
  operationId: "verifyAuditChain",
  method: "GET",
  path: "/audit/verify",
  summary: "Checks the organisation's audit hash chain: an edited, deleted or re-linked event is reported",
  description:
    "Each audit event carries the hash of the previous one; this recomputes every link. `broken` names the first place the chain fails (`edited`, `missing`, `relinked`, or `head_mismatch` when the newest events were removed). `unchained` counts events recorded before the chain existed (not covered until an operator runs `pnpm --filter @toolgate/web chain-audit-events`).",
  tag: "audit",
  minimumRole: "admin",
  response: z.object({
    ok: z.boolean(),
    checked: z.number().int(),
    unchained: z.number().int(),
    broken: z
      .object({
        seq: z.number().int(),
        eventId: z.string().nullable(),
        problem: z.enum(["edited", "missing", "relinked", "head_mismatch"]),
      })
      .nullable(),
  }),
});
