import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHypervisor } from "./hypervisor/create-hypervisor";
import type { Hypervisor } from "./hypervisor/hypervisor-state";
import { createSessionServer } from "./server/create-session-server";
import { createDemoRequestHandler } from "./server/demo-request-handler";
import type { FaultMode } from "./server/faults";
import { SessionRegistry } from "./server/session-registry";
import { type DemoToolDefinition, loadDemoTools } from "./tool-catalog";

export type DemoUpstreamOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Tools that fail at the transport level when called, and how. */
  faults?: Record<string, FaultMode>;
  /** Sessions with no request for this long are closed (default 5 minutes). */
  sessionIdleMs?: number;
  /** Split `tools/list` into pages of this many tools (default: one page). */
  toolsPageSize?: number;
  /** Where unexpected errors go (default: console.error). */
  onError?: (error: unknown) => void;
};

/** Calls counted at the upstream, for tests and benchmarks that check what got through. */
export type DemoUpstreamStats = {
  toolCalls: Record<string, number>;
  /** Calls answered with an injected fault instead of reaching the tool. */
  faultedCalls: Record<string, number>;
  /** resources/read calls answered, by URI. */
  resourceReads: Record<string, number>;
  /** prompts/get calls answered, by prompt name. */
  promptGets: Record<string, number>;
  sessions: number;
};

export type DemoUpstream = {
  /** The MCP endpoint, e.g. http://127.0.0.1:4100/mcp. */
  url: string;
  port: number;
  hypervisor: Hypervisor;
  stats(): DemoUpstreamStats;
  /** Changes what tools/list returns for one tool (for tool-definition pinning tests). */
  setToolDescription(name: string, description: string): void;
  /** Sets, or with null clears, the fault of one tool. */
  setFault(tool: string, mode: FaultMode | null): void;
  close(): Promise<void>;
};

/** Starts the demo virtualization MCP server over Streamable HTTP, with its own fresh hypervisor. */
export async function startDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstream> {
  const host = options.host ?? "127.0.0.1";
  const onError = options.onError ?? ((error: unknown) => console.error("[demo-upstream]", error));
  const hypervisor = createHypervisor();
  const tools: DemoToolDefinition[] = loadDemoTools();
  const toolCalls: Record<string, number> = {};
  const faultedCalls: Record<string, number> = {};
  const resourceReads: Record<string, number> = {};
  const promptGets: Record<string, number> = {};
  const faults = new Map(Object.entries(options.faults ?? {}));
  const sessions = new SessionRegistry(options.sessionIdleMs ?? 5 * 60_000, onError);
  const stats = (): DemoUpstreamStats => ({
    toolCalls: { ...toolCalls },
    faultedCalls: { ...faultedCalls },
    resourceReads: { ...resourceReads },
    promptGets: { ...promptGets },
    sessions: sessions.size,
  });

  const handle = createDemoRequestHandler({
    sessions,
    faults,
    stats,
    onFault: (tool) => {
      faultedCalls[tool] = (faultedCalls[tool] ?? 0) + 1;
    },
    newSessionServer: () =>
      createSessionServer({
        hypervisor,
        tools: () => tools,
        pageSize: options.toolsPageSize,
        onToolCall: (name) => {
          toolCalls[name] = (toolCalls[name] ?? 0) + 1;
        },
        onResourceRead: (uri) => {
          resourceReads[uri] = (resourceReads[uri] ?? 0) + 1;
        },
        onPromptGet: (name) => {
          promptGets[name] = (promptGets[name] ?? 0) + 1;
        },
      }),
  });
  const httpServer = createServer((req, res) => {
    handle(req, res).catch(onError);
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/mcp`,
    port,
    hypervisor,
    stats,
    setToolDescription(name, description) {
      const index = tools.findIndex((tool) => tool.name === name);
      const tool = tools[index];
      if (tool === undefined) throw new Error(`The demo upstream has no tool named "${name}".`);
      tools[index] = { ...tool, description };
      for (const server of sessions.servers()) server.sendToolListChanged().catch(onError);
    },
    setFault(tool, mode) {
      if (mode === null) faults.delete(tool);
      else faults.set(tool, mode);
    },
    async close() {
      await sessions.closeAll();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        httpServer.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
