import { z } from "zod";
import { usageError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { formatTable, formatTime } from "../output";
import { resolveServerId } from "../resolve-server";

const grantSchema = z.object({
  id: z.string(),
  label: z.string(),
  tokenPrefix: z.string(),
  serverId: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

/** `toolgate grants create LABEL [--server SERVER]|list|revoke GRANT_ID` */
export async function grantsCommand(ctx: CommandContext): Promise<void> {
  const [action, arg] = ctx.positionals.slice(0);
  const api = ctx.api();
  if (action === "list") {
    const result = z.object({ grants: z.array(grantSchema) }).parse(await api.request("GET", "/grants"));
    ctx.print(result, () =>
      formatTable(
        ["ID", "LABEL", "TOKEN", "SERVER", "STATUS", "LAST USED"],
        result.grants.map((g) => [
          g.id,
          g.label,
          `${g.tokenPrefix}…`,
          g.serverId ?? "all",
          g.status,
          formatTime(g.lastUsedAt),
        ]),
      ),
    );
    return;
  }
  if (action === "create") {
    if (arg === undefined) throw usageError("Usage: toolgate grants create LABEL [--server SERVER]");
    const serverId = ctx.options.server === undefined ? null : await resolveServerId(api, ctx.options.server);
    const result = z
      .object({ grant: grantSchema, token: z.string() })
      .parse(await api.request("POST", "/grants", { label: arg, serverId }));
    ctx.print(
      result,
      () =>
        `Created grant ${result.grant.label} (${result.grant.id}).\nToken (shown once, Toolgate keeps only its hash):\n${result.token}`,
    );
    return;
  }
  if (action === "revoke") {
    if (arg === undefined) throw usageError("Usage: toolgate grants revoke GRANT_ID");
    const result = z
      .object({ grant: grantSchema })
      .parse(await api.request("POST", `/grants/${encodeURIComponent(arg)}/revoke`));
    ctx.print(
      result,
      () => `Revoked ${result.grant.label} (${result.grant.id}); its agent is refused from its next call.`,
    );
    return;
  }
  throw usageError("Usage: toolgate grants create|list|revoke");
}
