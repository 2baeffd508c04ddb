import { type Db, getServer } from "@toolgate/db";
import { discoverServer } from "@toolgate/upstream";
import type { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { userMessage } from "../errors";
import { addServerInputSchema } from "./add-server";
import { openServerHeaders, type RescanDeps } from "./rescan-server";

export const testConnectionInputSchema = addServerInputSchema.pick({ url: true, headers: true });

export type TestConnectionInput = z.infer<typeof testConnectionInputSchema>;

export type ConnectionReport =
  | { ok: true; transport: string; serverName: string; serverVersion: string; toolCount: number }
  | { ok: false; message: string };

async function probe(
  deps: RescanDeps,
  url: string,
  headers: Record<string, string>,
): Promise<ConnectionReport> {
  try {
    const found = await discoverServer(
      { url, headers },
      { allowPrivateAddresses: deps.allowPrivateUpstreams },
    );
    return {
      ok: true,
      transport: found.transport,
      serverName: found.serverInfo.name,
      serverVersion: found.serverInfo.version,
      toolCount: found.tools.length,
    };
  } catch (error) {
    // A failed test is an answer, not an error: say what went wrong (DNS, refused, TLS, 401…).
    return { ok: false, message: userMessage(error) };
  }
}

/** Tries a URL and headers before registering: which transport answers, and how many tools. */
export async function testConnection(deps: RescanDeps, ctx: SessionContext, input: TestConnectionInput) {
  assertCan(ctx, "manage_servers");
  return probe(deps, input.url, Object.fromEntries(input.headers.map((h) => [h.name, h.value])));
}

/** Tries a registered server with its stored credentials. */
export async function testServerConnection(
  deps: RescanDeps & { db: Db },
  ctx: SessionContext,
  serverId: string,
) {
  assertCan(ctx, "manage_servers");
  const server = await getServer(deps.db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  return probe(deps, server.url, openServerHeaders(server.headersSealed, deps.secretKey));
}
