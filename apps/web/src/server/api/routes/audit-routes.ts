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
