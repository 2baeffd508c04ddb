import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import type { Hypervisor } from "../hypervisor/hypervisor-state";
import type { DemoToolDefinition } from "../tool-catalog";
import { callDemoTool } from "../tools/call-demo-tool";
import {
  DEMO_PROMPTS,
  DEMO_RESOURCE_TEMPLATES,
  DEMO_RESOURCES,
  getDemoPrompt,
  readDemoResource,
} from "./demo-resources";

/** What one MCP session needs from the demo instance it belongs to. */
export type SessionServerContext = {
  hypervisor: Hypervisor;
  /** The tools as currently advertised (descriptions may have been changed by a test). */
  tools: () => readonly DemoToolDefinition[];
  /** Entries per `tools/list` (and resources/prompts listing) page; undefined sends them all at once. */
  pageSize: number | undefined;
  onToolCall: (name: string) => void;
  onResourceRead: (uri: string) => void;
  onPromptGet: (name: string) => void;
};

/** An MCP server for one session; every session of an instance shares the same hypervisor. */
export function createSessionServer(context: SessionServerContext): Server {
  const server = new Server(
    { name: "toolgate-demo-virtualization", version: "0.1.0" },
    {
      capabilities: { tools: { listChanged: true }, resources: {}, prompts: {} },
      instructions:
        "A simulated VirtualBox host for Toolgate demos and tests. Nothing here touches a real machine.",
    },
  );
  const page = <T>(entries: readonly T[], cursor: string | undefined) => {
    const start = parseCursor(cursor, entries.length);
    const end = context.pageSize === undefined ? entries.length : start + context.pageSize;
    return {
      items: entries.slice(start, end),
      next: end < entries.length ? { nextCursor: String(end) } : {},
    };
  };
  server.setRequestHandler(ListToolsRequestSchema, (request) => {
    const { items, next } = page(context.tools(), request.params?.cursor);
    return { tools: items, ...next };
  });
  server.setRequestHandler(ListResourcesRequestSchema, (request) => {
    const { items, next } = page(DEMO_RESOURCES, request.params?.cursor);
    return { resources: [...items], ...next };
  });
  server.setRequestHandler(ListResourceTemplatesRequestSchema, (request) => {
    const { items, next } = page(DEMO_RESOURCE_TEMPLATES, request.params?.cursor);
    return { resourceTemplates: [...items], ...next };
  });
  server.setRequestHandler(ListPromptsRequestSchema, (request) => {
    const { items, next } = page(DEMO_PROMPTS, request.params?.cursor);
    return { prompts: items.map((prompt) => ({ ...prompt, arguments: [...prompt.arguments] })), ...next };
  });
  server.setRequestHandler(ReadResourceRequestSchema, (request) => {
    const result = readDemoResource(context.hypervisor, request.params.uri);
    context.onResourceRead(request.params.uri);
    return result;
  });
  server.setRequestHandler(GetPromptRequestSchema, (request) => {
    const result = getDemoPrompt(request.params.name, request.params.arguments ?? {});
    context.onPromptGet(request.params.name);
    return result;
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
    throw new McpError(ErrorCode.InvalidParams, `Invalid cursor "${cursor}".`);
  }
  return start;
}
