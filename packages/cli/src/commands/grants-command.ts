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
  servers: z.array(z.string()).nullable().optional(),
  status: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

/** Parses `--servers a,b` (ids or slugs, resolved by the API); "all" means every server (null). */
function serverList(option: string): string[] | null {
  if (option.trim() === "all") return null;
  const servers = option
    .split(",")
    .map((server) => server.trim())
    .filter((server) => server !== "");
  if (servers.length === 0)
    throw usageError('Give --servers as a comma-separated list of server ids or slugs, or "all".');
  return servers;
}

/** `toolgate grants create LABEL [--server SERVER | --servers S1,S2]|list|set-servers GRANT_ID --servers …|revoke GRANT_ID` */
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
          g.serverId ?? g.servers?.join(",") ?? "all",
          g.status,
          formatTime(g.lastUsedAt),
        ]),
      ),
    );
    return;
  }
  if (action === "create") {
    if (arg === undefined) throw usageError("Usage: toolgate grants create LABEL [--server SERVER]");
    if (ctx.options.server !== undefined && ctx.options.servers !== undefined) {
      throw usageError("Give --server (one server) or --servers (a list), not both.");
    }
    const serverId = ctx.options.server === undefined ? null : await resolveServerId(api, ctx.options.server);
    const servers = ctx.options.servers === undefined ? null : serverList(ctx.options.servers);
    const result = z.object({ grant: grantSchema, token: z.string() }).parse(
      await api.request("POST", "/grants", {
        label: arg,
        serverId,
        ...(servers === null ? {} : { servers }),
      }),
    );
    ctx.print(
      result,
      () =>
        `Created grant ${result.grant.label} (${result.grant.id}).\nToken (shown once, Toolgate keeps only its hash):\n${result.token}`,
    );
    return;
  }
  if (action === "set-servers") {
    if (arg === undefined || ctx.options.servers === undefined) {
      throw usageError("Usage: toolgate grants set-servers GRANT_ID --servers S1,S2|all");
    }
    const servers = serverList(ctx.options.servers);
    const result = z
      .object({ grant: grantSchema })
      .parse(await api.request("PATCH", `/grants/${encodeURIComponent(arg)}`, { servers }));
    ctx.print(
      result,
      () =>
        `${result.grant.label} (${result.grant.id}) may now use ${result.grant.servers === null || result.grant.servers === undefined ? "every server" : result.grant.servers.join(", ")}.`,
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
  throw usageError("Usage: toolgate grants create|list|set-servers|revoke");
}
