import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";
import type { Hypervisor } from "../hypervisor/hypervisor-state";
import type { DemoToolDefinition } from "../tool-catalog";
import { callDemoTool } from "../tools/call-demo-tool";

/** What one MCP session needs from the demo instance it belongs to. */
export type SessionServerContext = {
  hypervisor: Hypervisor;
  /** The tools as currently advertised (descriptions may have been changed by a test). */
  tools: () => readonly DemoToolDefinition[];
  /** Tools per `tools/list` page; undefined sends them all at once. */
  pageSize: number | undefined;
  onToolCall: (name: string) => void;
};

/** An MCP server for one session; every session of an instance shares the same hypervisor. */
export function createSessionServer(context: SessionServerContext): Server {
  const server = new Server(
    { name: "toolgate-demo-virtualization", version: "0.1.0" },
    {
      capabilities: { tools: { listChanged: true } },
      instructions:
        "A simulated VirtualBox host for Toolgate demos and tests. Nothing here touches a real machine.",
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    const tools = context.tools();
    const start = parseCursor(request.params?.cursor, tools.length);
    const end = context.pageSize === undefined ? tools.length : start + context.pageSize;
    return {
      tools: tools.slice(start, end),
      ...(end < tools.length ? { nextCursor: String(end) } : {}),
    };
  });
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const { name, arguments: args } = request.params;
    if (context.tools().some((tool) => tool.name === name)) context.onToolCall(name);
    return callDemoTool(context.hypervisor, name, args ?? {});
  });
  return server;
}

function parseCursor(cursor: string | undefined, total: number): number {
  if (cursor === undefined) return 0;
  const start = Number(cursor);
  if (!Number.isInteger(start) || start < 0 || start > total) {
    throw new McpError(ErrorCode.InvalidParams, `Invalid tools/list cursor "${cursor}".`);
  }
  return start;
}
