import { z } from "zod";
import { logDecisions } from "../../logs/list-logs";
import { defineRoute } from "../api-route";
import { isoDateSchema } from "../schemas";

const logSchema = z
  .object({
    id: z.string(),
    createdAt: isoDateSchema,
    grantLabel: z.string(),
    serverId: z.string(),
    method: z.string(),
    tool: z.string().nullable(),
    decision: z.enum(logDecisions),
    rule: z.string().nullable(),
    message: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    upstreamStatus: z.number().int().nullable(),
    latencyMs: z.number(),
    held: z.boolean().meta({ description: "The call waited for a human decision, whatever was decided." }),
  })
  .meta({ id: "CallLog" });

export const listLogsRoute = defineRoute({
  operationId: "listLogs",
  method: "GET",
  path: "/logs",
  summary: "Call logs, newest first, with the dashboard's filters",
  description: "Keyset pagination: pass `nextCursor` back as `cursor` for the next (older) page.",
  tag: "logs",
  minimumRole: "viewer",
  query: z.object({
    server: z.string().max(100).optional().meta({ description: "Server id" }),
    decision: z.enum(logDecisions).optional().meta({
      description:
        "`error`: the policy let the call through but the upstream failed it (an `isError` result, a JSON-RPC error or HTTP ≥ 500). `approval_pending`: every call sent for approval, whatever was decided.",
    }),
    method: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "JSON-RPC method, e.g. `tools/call`; all traffic when absent." }),
    tool: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ logs: z.array(logSchema), nextCursor: z.string().nullable() }),
});
