import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  type ConnectUpstreamOptions,
  connectUpstream,
  type UpstreamTarget,
  type UpstreamTransportKind,
} from "./connect-upstream";
import { toUpstreamError } from "./to-upstream-error";
import { UpstreamError } from "./upstream-error";
import { type UpstreamTool, upstreamToolSchema } from "./upstream-tool";

/** What registration learns about an upstream server. */
export type DiscoveredServer = {
  transport: UpstreamTransportKind;
  serverInfo: { name: string; version: string };
  tools: UpstreamTool[];
};

const MAX_PAGES = 100;

/**
 * Connects to an upstream MCP server (Streamable HTTP, else legacy SSE), lists all its tools
 * following pagination, and disconnects (ending the session). Failures are `UpstreamError`s.
 */
export async function discoverServer(
  target: UpstreamTarget,
  options: ConnectUpstreamOptions,
): Promise<DiscoveredServer> {
  const connection = await connectUpstream(target, options);
  try {
    const info = connection.client.getServerVersion();
    const tools = await listAllTools(connection.client, options.timeoutMs ?? 10_000, new URL(target.url));
    return {
      transport: connection.transport,
      serverInfo: { name: info?.name ?? "unknown", version: info?.version ?? "unknown" },
      tools,
    };
  } finally {
    await connection.close();
  }
}

async function listAllTools(client: Client, timeoutMs: number, url: URL): Promise<UpstreamTool[]> {
  const tools: UpstreamTool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client
      .listTools(cursor === undefined ? {} : { cursor }, { timeout: timeoutMs })
      .catch((error: unknown) => {
        throw (
          toUpstreamError(error, url) ??
          new UpstreamError("not_mcp", `${url.host} failed to list its tools.`, { cause: error })
        );
      });
    for (const tool of result.tools) tools.push(upstreamToolSchema.parse(pickToolFields(tool)));
    cursor = result.nextCursor;
    if (cursor === undefined) return tools;
  }
  throw new UpstreamError("not_mcp", `${url.host} kept paginating tools/list past ${MAX_PAGES} pages.`);
}

function pickToolFields(tool: UpstreamTool): UpstreamTool {
  const { name, description, inputSchema, annotations } = tool;
  return {
    name,
    ...(description === undefined ? {} : { description }),
    inputSchema,
    ...(annotations === undefined ? {} : { annotations }),
  };
}
