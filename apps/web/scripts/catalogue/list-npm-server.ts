import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";

export type ListedServer = { serverInfo?: { name: string; version: string }; tools: Tool[] };

type Launch = { command: string; args: string[]; env: Record<string, string>; cwd: string };

/** Starts an MCP server over stdio with the real SDK client and returns every page of tools/list. */
export async function listNpmServer(launch: Launch, timeoutMs = 180_000): Promise<ListedServer> {
  const transport = new StdioClientTransport({
    command: launch.command,
    args: launch.args,
    env: { ...inheritedEnv(), ...launch.env },
    // Outside the workspace, so npx installs the published package instead of looking in the repo's.
    cwd: launch.cwd,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const client = new Client({ name: "toolgate-catalogue-import", version: "0.1.0" });
  try {
    await client.connect(transport, { timeout: timeoutMs });
    const tools: Tool[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor === undefined ? {} : { cursor }, { timeout: 60_000 });
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    const info = client.getServerVersion();
    return { serverInfo: info === undefined ? undefined : { name: info.name, version: info.version }, tools };
  } catch (error) {
    throw new Error(`${launch.args.join(" ")} failed: ${String(error)}\n${stderr}`, { cause: error });
  } finally {
    await client.close().catch(() => undefined);
  }
}

// PATH and HOME so npx works; nothing else of this process's environment reaches the server.
function inheritedEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "npm_config_cache", "TMPDIR"];
  return Object.fromEntries(
    keep.flatMap((key) => {
      const value = process.env[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
}
