import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { ServerProfile } from "./merge-capabilities";
import type { ServerProfiles } from "./server-profiles";

/** How long one server may take to answer `initialize` before the tenant URL declares it without. */
const PROBE_TIMEOUT_MS = 5_000;

export type ProfileRequest = {
  tenantId: string;
  tenantSlug: string;
  token: string;
  serverSlugs: readonly string[];
  /** The gateway's own base URL on loopback; each server is asked through its per-server URL. */
  selfUrl: string;
  /** What the client declared, so each server answers the client it will really serve. */
  clientCapabilities: ClientCapabilities;
};

/**
 * What every server of a grant declares, for a tenant-URL `initialize` that answers with merged
 * capabilities. Servers remembered from an earlier connect are not contacted; the others are asked
 * once (initialize, then the session is ended) in parallel. A server that does not answer is left
 * out with a log line: its capabilities are unknown, as its tools will be until it recovers.
 */
export async function learnProfiles(
  request: ProfileRequest,
  profiles: ServerProfiles,
  logger: Logger,
): Promise<ServerProfile[]> {
  return Promise.all(
    request.serverSlugs.map(async (serverSlug): Promise<ServerProfile> => {
      const known = profiles.get(request.tenantId, serverSlug);
      if (known !== undefined) return { serverSlug, ...known };
      try {
        const learnt = await askServer(request, serverSlug);
        profiles.remember(request.tenantId, serverSlug, learnt);
        return { serverSlug, ...learnt };
      } catch (error) {
        logger.warn(
          {
            server: serverSlug,
            tenant: request.tenantSlug,
            err: error instanceof Error ? error.message : error,
          },
          "aggregate: server's capabilities unknown at initialize (unreachable or failing)",
        );
        return { serverSlug, capabilities: undefined, instructions: undefined };
      }
    }),
  );
}

async function askServer(request: ProfileRequest, serverSlug: string) {
  const url = new URL(`${request.selfUrl}/${request.tenantSlug}/${serverSlug}/mcp`);
  const client = new Client(
    { name: "toolgate-aggregate", version: "1.0.0" },
    { capabilities: request.clientCapabilities },
  );
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { authorization: `Bearer ${request.token}` } },
  });
  try {
    await client.connect(transport, { timeout: PROBE_TIMEOUT_MS });
    return { capabilities: client.getServerCapabilities() ?? {}, instructions: client.getInstructions() };
  } finally {
    await transport.terminateSession().catch(() => undefined);
    await client.close().catch(() => undefined);
  }
}
