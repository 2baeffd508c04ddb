import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import {
  type ConnectUpstreamOptions,
  connectUpstream,
  type UpstreamTarget,
  type UpstreamTransportKind,
} from "./connect-upstream";
import { toUpstreamError } from "./to-upstream-error";
import { UpstreamError } from "./upstream-error";
import {
  type UpstreamPrompt,
  type UpstreamResource,
  type UpstreamResourceTemplate,
  upstreamPromptSchema,
  upstreamResourceSchema,
  upstreamResourceTemplateSchema,
} from "./upstream-resource";
import { type UpstreamTool, upstreamToolSchema } from "./upstream-tool";

/** What registration learns about an upstream server. */
export type DiscoveredServer = {
  transport: UpstreamTransportKind;
  serverInfo: { name: string; version: string };
  tools: UpstreamTool[];
  /** Empty when the server does not advertise the `resources` capability. */
  resources: UpstreamResource[];
  resourceTemplates: UpstreamResourceTemplate[];
  /** Empty when the server does not advertise the `prompts` capability. */
  prompts: UpstreamPrompt[];
};

const MAX_PAGES = 100;

/**
 * Connects to an upstream MCP server (Streamable HTTP, else legacy SSE), lists all its tools
 * (and its resources, resource templates and prompts when it advertises those capabilities)
 * following pagination, and disconnects (ending the session). Failures are `UpstreamError`s.
 */
export async function discoverServer(
  target: UpstreamTarget,
  options: ConnectUpstreamOptions,
): Promise<DiscoveredServer> {
  const connection = await connectUpstream(target, options);
  try {
    const info = connection.client.getServerVersion();
    const client = connection.client;
    const timeout = options.timeoutMs ?? 10_000;
    const url = new URL(target.url);
    const tools = await listAllTools(client, timeout, url);
    const capabilities = client.getServerCapabilities() ?? {};
    const resources =
      capabilities.resources === undefined
        ? []
        : await listAll(url, "resources/list", (cursor) =>
            client.listResources(cursor, { timeout }).then((page) => ({
              items: page.resources.map((item) =>
                upstreamResourceSchema.parse(pickFields(item, RESOURCE_FIELDS)),
              ),
              nextCursor: page.nextCursor,
            })),
          );
    const resourceTemplates =
      capabilities.resources === undefined
        ? []
        : await listAll(url, "resources/templates/list", (cursor) =>
            client.listResourceTemplates(cursor, { timeout }).then((page) => ({
              items: page.resourceTemplates.map((item) =>
                upstreamResourceTemplateSchema.parse(pickFields(item, TEMPLATE_FIELDS)),
              ),
              nextCursor: page.nextCursor,
            })),
          );
    const prompts =
      capabilities.prompts === undefined
        ? []
        : await listAll(url, "prompts/list", (cursor) =>
            client.listPrompts(cursor, { timeout }).then((page) => ({
              items: page.prompts.map((item) => upstreamPromptSchema.parse(pickFields(item, PROMPT_FIELDS))),
              nextCursor: page.nextCursor,
            })),
          );
    return {
      transport: connection.transport,
      serverInfo: { name: info?.name ?? "unknown", version: info?.version ?? "unknown" },
      tools,
      resources,
      resourceTemplates,
      prompts,
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

const RESOURCE_FIELDS = ["uri", "name", "title", "description", "mimeType", "annotations"] as const;
const TEMPLATE_FIELDS = ["uriTemplate", "name", "title", "description", "mimeType", "annotations"] as const;
const PROMPT_FIELDS = ["name", "title", "description", "arguments"] as const;

/** Keeps the named fields that are present (the rest of an upstream's listing entry is dropped). */
function pickFields(entry: object, fields: readonly string[]): Record<string, unknown> {
  const record = entry as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]),
  );
}

type Page<T> = { items: T[]; nextCursor?: string | undefined };

/** Follows a listing's pagination to the end (at most MAX_PAGES pages). */
async function listAll<T>(
  url: URL,
  method: string,
  fetchPage: (params: { cursor: string } | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetchPage(cursor === undefined ? undefined : { cursor }).catch((error: unknown) => {
      throw (
        toUpstreamError(error, url) ??
        new UpstreamError("not_mcp", `${url.host} failed to answer ${method}.`, { cause: error })
      );
    });
    items.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === undefined) return items;
  }
  throw new UpstreamError("not_mcp", `${url.host} kept paginating ${method} past ${MAX_PAGES} pages.`);
}
