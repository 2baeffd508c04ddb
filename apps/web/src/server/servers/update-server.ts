import { getServer, inTransaction, notifyChange, recordAudit } from "@toolgate/db";
import { sealSecret } from "@toolgate/secrets";
import { discoverServer } from "@toolgate/upstream";
import type { z } from "zod";
import { AppError } from "../app-error";
import { applyScan } from "../catalogue/apply-scan";
import { storeResourceCatalogue } from "../catalogue/scan-resource-catalogue";
import { assertCan, type SessionContext } from "../context";
import { addServerInputSchema } from "./add-server";
import { credentialOrigin, type HeaderChange } from "./credential-origin";
import { openServerHeaders, type RescanDeps } from "./rescan-server";
import { toServerView } from "./server-view";

export const updateServerInputSchema = addServerInputSchema
  .partial()
  .refine((input) => Object.keys(input).length > 0, "Give at least one of name, url or headers.");

export type UpdateServerInput = z.infer<typeof updateServerInputSchema>;

/**
 * Renames a server or points it elsewhere. Stored headers are bound to the URL's origin: a URL on
 * another origin needs the headers given again (or an empty list to drop them). A new URL or new headers are connection-tested
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
  const fromOrigin = credentialOrigin(server.url);
  const toOrigin = credentialOrigin(input.url ?? server.url);
  const originChanged = fromOrigin !== toOrigin;
  if (originChanged && server.headersSealed !== null && input.headers === undefined) {
    // Stored credentials were entered for one origin; a new one must not receive them unasked.
    throw new AppError(
      "invalid_input",
      `The new URL is on another origin (${fromOrigin} → ${toOrigin}), and the stored headers were entered for ${fromOrigin}. Enter the headers again for the new origin, or send an empty list ("headers": []) to drop them.`,
    );
  }
  const headerChange: HeaderChange =
    input.headers === undefined ? "kept" : input.headers.length > 0 ? "replaced" : "dropped";
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
      if (discovered !== null) await storeResourceCatalogue(tx, ctx.tenantId, server.id, discovered);
      await notifyChange(tx, { kind: "server", tenantId: ctx.tenantId, serverId: server.id });
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: "server.updated",
        targetType: "server",
        targetId: server.id,
        // Header values are credentials: only their names go to the audit stream.
        data: {
          name: input.name,
          url: input.url,
          headerNames: input.headers?.map((header) => header.name),
          headers: headerChange,
          ...(originChanged ? { originChanged: { from: fromOrigin, to: toOrigin } } : {}),
        },
      });
      return scanned;
    },
    { timeout: 30_000 },
  );
  const updated = await deps.db.server.findFirstOrThrow({ where: { id: server.id, tenantId: ctx.tenantId } });
  return { server: toServerView(updated), scan };
}
