import { z } from "zod";
import { usageError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { formatTable, formatTime } from "../output";
import { resolveServerId, serverListSchema, serverSummarySchema } from "../resolve-server";

const addedSchema = z.object({ server: serverSummarySchema, toolCount: z.number() });
const rescannedSchema = z.object({
  server: serverSummarySchema,
  scan: z.object({ added: z.number(), changed: z.number(), unchanged: z.number(), missing: z.number() }),
});

function parseHeader(text: string) {
  const colon = text.indexOf(":");
  if (colon <= 0) throw usageError(`--header takes "Name: value", got "${text}".`);
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() };
}

/** `toolgate servers list|add NAME URL [--header "Name: value"]…|rescan SERVER` */
export async function serversCommand(ctx: CommandContext): Promise<void> {
  const [action, ...rest] = ctx.positionals;
  const api = ctx.api();
  if (action === "list") {
    const result = serverListSchema.parse(await api.request("GET", "/servers"));
    ctx.print(result, () =>
      result.servers.length === 0
        ? "No servers yet. Add one with `toolgate servers add NAME URL`."
        : formatTable(
            ["ID", "SLUG", "NAME", "TRANSPORT", "URL", "LAST SCAN"],
            result.servers.map((s) => [
              s.id,
              s.slug,
              s.name,
              s.transport,
              s.url,
              formatTime(s.lastScannedAt),
            ]),
          ),
    );
    return;
  }
  if (action === "add") {
    const [name, url] = rest;
    if (name === undefined || url === undefined)
      throw usageError("Usage: toolgate servers add NAME URL [--header 'Name: value']");
    const headers = (ctx.options.header ?? []).map(parseHeader);
    const result = addedSchema.parse(await api.request("POST", "/servers", { name, url, headers }));
    ctx.print(
      result,
      () =>
        `Added ${result.server.name} (${result.server.id}, slug ${result.server.slug}) over ${result.server.transport}: ${result.toolCount} tools catalogued.`,
    );
    return;
  }
  if (action === "rescan") {
    const [server] = rest;
    if (server === undefined) throw usageError("Usage: toolgate servers rescan SERVER");
    const id = await resolveServerId(api, server);
    const result = rescannedSchema.parse(
      await api.request("POST", `/servers/${encodeURIComponent(id)}/rescan`),
    );
    const { added, changed, unchanged, missing } = result.scan;
    ctx.print(
      result,
      () =>
        `Rescanned ${result.server.name}: ${added} new (unreviewed), ${changed} changed (quarantined until accepted), ${unchanged} unchanged, ${missing} no longer listed.`,
    );
    return;
  }
  throw usageError("Usage: toolgate servers list|add|rescan");
}
