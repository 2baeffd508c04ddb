import { z } from "zod";
import { exportLogsQuerySchema } from "../../logs/export-logs";
import { logDecisions } from "../../logs/list-logs";
import { defineRoute } from "../api-route";
import { isoDateSchema } from "../schemas";

const logSchema = z
  .object({
    id: z.string(),
    requestId: z.string().meta({ description: "The gateway's request id (same as id)" }),
    createdAt: isoDateSchema,
    serverId: z.string(),
    grantId: z.string(),
    grantLabel: z.string(),
    sessionId: z.string().nullable(),
    method: z.string(),
    tool: z.string().nullable(),
    decision: z.enum(logDecisions),
    rule: z.string().nullable(),
    message: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    upstreamStatus: z.number().int().nullable(),
    latencyMs: z.number(),
    held: z.boolean().meta({ description: "The call waited for a human decision, whatever was decided." }),
    argumentKeys: z.array(z.string()).meta({ description: "Top-level argument names (never values)" }),
    arguments: z.unknown().nullable().meta({
      description: "Argument values, only while the organisation opts in to storing them; else null",
    }),
  })
  .meta({ id: "CallLog" });

const optionalTime = z.coerce.date().optional();

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
    grant: z.string().max(100).optional().meta({ description: "Grant id" }),
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
    rule: z.string().trim().max(500).optional(),
    from: optionalTime.meta({ description: "ISO time; calls at or after it" }),
    to: optionalTime.meta({ description: "ISO time; calls before it" }),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ logs: z.array(logSchema), nextCursor: z.string().nullable() }),
});

export const exportLogsRoute = defineRoute({
  operationId: "exportLogs",
  method: "GET",
  path: "/logs/export",
  summary: "Every call record in a time range, streamed as NDJSON (one CallLog per line) or CSV",
  description:
    "Oldest first. `format=ndjson` (default) streams `application/x-ndjson`, one CallLog object per line; `format=csv` streams `text/csv` with a header row. Memory on the server stays constant whatever the range.",
  tag: "logs",
  minimumRole: "viewer",
  query: exportLogsQuerySchema,
  response: z.string().meta({ description: "NDJSON or CSV text" }),
});
