import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { z } from "zod";
import { CliError } from "./cli-error";

const storedConfigSchema = z.object({ url: z.string().url(), apiKey: z.string().min(1) });

export type CliConfig = z.infer<typeof storedConfigSchema>;

/** Where `toolgate login` keeps the URL and key: $XDG_CONFIG_HOME/toolgate/config.json. */
export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "toolgate", "config.json");
}

function readStoredConfig(env: NodeJS.ProcessEnv): Partial<CliConfig> {
  const path = configPath(env);
  if (!existsSync(path)) return {};
  const parsed = storedConfigSchema.partial().safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new CliError("bad_config", `${path} is not a valid toolgate config; run \`toolgate login\` again.`);
  return parsed.data;
}

/** The dashboard base URL, without a trailing slash or /api/v1. */
export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, "").replace(/\/api\/v1$/, "");
}

/** URL and key from flags, then TOOLGATE_URL / TOOLGATE_API_KEY, then the login file. */
export function resolveConfig(
  flags: { url?: string | undefined; key?: string | undefined },
  env: NodeJS.ProcessEnv,
): CliConfig {
  const stored = readStoredConfig(env);
  const url = flags.url ?? env.TOOLGATE_URL ?? stored.url;
  const apiKey = flags.key ?? env.TOOLGATE_API_KEY ?? stored.apiKey;
  if (url === undefined || apiKey === undefined || url === "" || apiKey === "") {
    throw new CliError(
      "not_configured",
      "No Toolgate URL or API key. Set TOOLGATE_URL and TOOLGATE_API_KEY, or run `toolgate login --url URL`.",
    );
  }
  return { url: normalizeBaseUrl(url), apiKey };
}

/** Saves the login for later commands; readable by the user only (the key is a credential). */
export function saveConfig(config: CliConfig, env: NodeJS.ProcessEnv): string {
  const path = configPath(env);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync keeps an existing file's mode: tighten it either way.
  chmodSync(path, 0o600);
  return path;
}
