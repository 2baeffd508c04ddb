import { createApiClient } from "../api-client";
import { CliError, usageError } from "../cli-error";
import type { CommandContext } from "../command-context";
import { normalizeBaseUrl, saveConfig } from "../config";

/**
 * `toolgate login --url URL [--key KEY]`: checks the key against the server and stores both.
 * Without --key the key is read from stdin, so it stays out of the shell history.
 */
export async function loginCommand(ctx: CommandContext): Promise<void> {
  const url = ctx.options.url ?? ctx.io.env.TOOLGATE_URL;
  if (url === undefined)
    throw usageError("Usage: toolgate login --url URL [--key KEY] (or pipe the key on stdin)");
  const key = (ctx.options.key ?? ctx.io.env.TOOLGATE_API_KEY ?? (await ctx.io.readStdin())).trim();
  if (key === "") throw new CliError("usage", "Give the API key with --key or on stdin.", { exitCode: 2 });
  const config = { url: normalizeBaseUrl(url), apiKey: key };
  await createApiClient(config, ctx.io.fetch).request("GET", "/servers");
  const path = saveConfig(config, ctx.io.env);
  ctx.print({ url: config.url, configPath: path }, () => `Logged in to ${config.url}. Saved to ${path}.`);
}
