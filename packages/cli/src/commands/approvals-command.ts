import { z } from "zod";
import { usageError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { formatTable, formatTime } from "../output";

const approvalSchema = z.object({
  id: z.string(),
  tool: z.string(),
  arguments: z.unknown(),
  rule: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});

/** `toolgate approvals list|approve ID [--reason R]|deny ID [--reason R]` */
export async function approvalsCommand(ctx: CommandContext): Promise<void> {
  const [action, id] = ctx.positionals;
  const api = ctx.api();
  if (action === "list") {
    const result = z
      .object({ approvals: z.array(approvalSchema) })
      .parse(await api.request("GET", "/approvals"));
    ctx.print(result, () =>
      result.approvals.length === 0
        ? "No calls are waiting for approval."
        : formatTable(
            ["ID", "TOOL", "ARGUMENTS", "RULE", "EXPIRES"],
            result.approvals.map((a) => [
              a.id,
              a.tool,
              JSON.stringify(a.arguments),
              a.rule,
              formatTime(a.expiresAt),
            ]),
          ),
    );
    return;
  }
  if (action === "approve" || action === "deny") {
    if (id === undefined) throw usageError(`Usage: toolgate approvals ${action} APPROVAL_ID [--reason TEXT]`);
    const body = ctx.options.reason === undefined ? {} : { reason: ctx.options.reason };
    const result = z
      .object({ approval: approvalSchema })
      .parse(await api.request("POST", `/approvals/${encodeURIComponent(id)}/${action}`, body));
    ctx.print(
      result,
      () =>
        `${action === "approve" ? "Approved" : "Denied"} ${result.approval.tool} (${result.approval.id}).`,
    );
    return;
  }
  throw usageError("Usage: toolgate approvals list|approve|deny");
}
