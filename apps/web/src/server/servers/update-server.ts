import { getServer, inTransaction, notifyChange, recordAudit } from "@toolgate/db";
import { sealSecret } from "@toolgate/secrets";
import { discoverServer } from "@toolgate/upstream";
import type { z } from "zod";
import { AppError } from "../app-error";
import { applyScan } from "../catalogue/apply-scan";
import { assertCan, type SessionContext } from "../context";
import { addServerInputSchema } from "./add-server";
import { openServerHeaders, type RescanDeps } from "./rescan-server";
import { toServerView } from "./server-view";

export const updateServerInputSchema = addServerInputSchema
  .partial()
  .refine((input) => Object.keys(input).length > 0, "Give at least one of name, url or headers.");

export type UpdateServerInput = z.infer<typeof updateServerInputSchema>;

/**
 * Renames a server or points it elsewhere. A new URL or new headers are connection-tested
 * first (as when adding), and the catalogue is re-scanned with them. The slug, and with it
 * the gateway URL agents use, never changes.
 */
export async function updateServer(
  deps: RescanDeps,
  ctx: SessionContext,
  serverId: string,
  input: UpdateServerInput,
) {
  assertCan(ctx, "manage_servers");
  const server = await getServer(deps.db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const reconnect = input.url !== undefined || input.headers !== undefined;
  const headers =
    input.headers === undefined
      ? openServerHeaders(server.headersSealed, deps.secretKey)
      : Object.fromEntries(input.headers.map((header) => [header.name, header.value]));
  const url = input.url ?? server.url;
  const discovered = reconnect
    ? await discoverServer({ url, headers }, { allowPrivateAddresses: deps.allowPrivateUpstreams })
    : null;
  // The server change, its rescan and its audit event commit together; discovery (network) ran before.
  const scan = await inTransaction(
    deps.db,
    async (tx) => {
      await tx.server.updateMany({
        where: { id: server.id, tenantId: ctx.tenantId },
        data: {
          name: input.name ?? server.name,
          url,
          ...(discovered === null ? {} : { transport: discovered.transport }),
          ...(input.headers === undefined
            ? {}
            : {
                headersSealed:
                  input.headers.length > 0 ? sealSecret(JSON.stringify(headers), deps.secretKey) : null,
              }),
        },
      });
      const scanned =
        discovered === null ? null : await applyScan(tx, ctx.tenantId, server.id, discovered.tools);
      await notifyChange(tx, { kind: "server", tenantId: ctx.tenantId, serverId: server.id });
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: "server.updated",
        targetType: "server",
        targetId: server.id,
        // Header values are credentials: only their names go to the audit stream.
        data: { name: input.name, url: input.url, headerNames: input.headers?.map((header) => header.name) },
      });
      return scanned;
    },
    { timeout: 30_000 },
  );
  const updated = await deps.db.server.findFirstOrThrow({ where: { id: server.id, tenantId: ctx.tenantId } });
  return { server: toServerView(updated), scan };
}
