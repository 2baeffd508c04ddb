import { randomUUID } from "node:crypto";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { getDefaultEnvironment, StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { GuardedFetch } from "@toolgate/upstream";
import type { Logger } from "pino";
import type { UpstreamTarget } from "../cache/cached-types";
import { GatewayError } from "../errors/gateway-error";
import { BridgeSession } from "./bridge-session";
import { parseStdioCommand } from "./stdio-command";

export type BridgeRegistryOptions = {
  /** Fetch with the SSRF guard at every request and redirect, for legacy SSE upstreams. */
  guardedFetch: GuardedFetch;
  /** TOOLGATE_MAX_STDIO_PROCESSES: stdio processes alive at once, all tenants together. */
  maxStdioProcesses: number;
  logger: Logger;
};

/** The bridged client sessions of this gateway (legacy SSE and stdio upstreams), by upstream session id. */
export class BridgeRegistry {
  private readonly sessions = new Map<string, { session: BridgeSession; stdio: boolean }>();
  private stdioCount = 0;

  constructor(private readonly options: BridgeRegistryOptions) {}

  /** Opens a new bridged session: `bindId` turns its upstream id into the id the client sees. */
  async open(
    target: UpstreamTarget,
    bindId: (upstreamId: string) => string,
  ): Promise<{ id: string; session: BridgeSession }> {
    const stdio = target.transport === "stdio";
    if (stdio && this.stdioCount >= this.options.maxStdioProcesses) {
      throw new GatewayError(
        "stdio_capacity",
        `This gateway already runs ${this.options.maxStdioProcesses} stdio server processes; end a session or retry later.`,
      );
    }
    const id = randomUUID();
    const onClosed = () => {
      if (this.sessions.delete(id) && stdio) this.stdioCount -= 1;
    };
    const onError = (error: unknown) => this.options.logger.debug({ err: error }, "bridged upstream");
    const session = new BridgeSession(bindId(id), this.upstreamTransport(target), onClosed, onError);
    this.sessions.set(id, { session, stdio });
    if (stdio) this.stdioCount += 1;
    try {
      await session.start();
    } catch (error) {
      await session.close();
      throw new GatewayError(
        "upstream_unavailable",
        "The upstream MCP server could not be started or reached.",
        {
          cause: error,
        },
      );
    }
    return { id, session };
  }

  get(id: string): BridgeSession | undefined {
    return this.sessions.get(id)?.session;
  }

  /** Ends a session if it is bridged; returns whether it was. */
  async close(id: string): Promise<boolean> {
    const entry = this.sessions.get(id);
    if (entry === undefined) return false;
    await entry.session.close();
    return true;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.sessions.values()].map(({ session }) => session.close()));
  }

  /** stdio processes running now. */
  get stdioProcesses(): number {
    return this.stdioCount;
  }

  private upstreamTransport(target: UpstreamTarget): Transport {
    if (target.transport === "stdio") {
      const { command, args } = parseStdioCommand(target.url);
      // A minimal environment (PATH, HOME…) plus the server's stored variables; nothing of the gateway's own.
      return new StdioClientTransport({
        command,
        args,
        env: { ...getDefaultEnvironment(), ...target.headers },
        stderr: "ignore",
      });
    }
    return new SSEClientTransport(new URL(target.url), {
      fetch: this.options.guardedFetch.fetch,
      requestInit: { headers: target.headers },
    });
  }
}
