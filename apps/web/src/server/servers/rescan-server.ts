import { type Db, getServer, inTransaction, notifyChange, recordAudit } from "@toolgate/db";
import { openSecret, type SecretKeyInput } from "@toolgate/secrets";
import { discoverServer } from "@toolgate/upstream";
import { z } from "zod";
import { AppError } from "../app-error";
import { applyScan } from "../catalogue/apply-scan";
import { storeResourceCatalogue } from "../catalogue/scan-resource-catalogue";
import { assertCan, type SessionContext } from "../context";
import { toServerView } from "./server-view";

const storedHeadersSchema = z.record(z.string(), z.string());

/** Opens a server's sealed upstream headers (never leaves the server side). */
export function openServerHeaders(
  headersSealed: string | null,
  secretKey: SecretKeyInput,
): Record<string, string> {
  if (headersSealed === null) return {};
  return storedHeadersSchema.parse(JSON.parse(openSecret(headersSealed, secretKey)));
}

export type RescanDeps = { db: Db; secretKey: SecretKeyInput; allowPrivateUpstreams: boolean };

/**
 * Lists a registered server's tools (and resources, templates, prompts) again with its stored
 * credentials. New tools arrive unreviewed and changed reviewed tools are quarantined until accepted.
 */
export async function rescanServer(deps: RescanDeps, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "manage_servers");
  const server = await getServer(deps.db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const discovered = await discoverServer(
    { url: server.url, headers: openServerHeaders(server.headersSealed, deps.secretKey) },
    { allowPrivateAddresses: deps.allowPrivateUpstreams },
  );
  // The catalogue change and its audit event commit together; the scan (network) ran before.
  const summary = await inTransaction(
    deps.db,
    async (tx) => {
      const scanned = await applyScan(tx, ctx.tenantId, server.id, discovered.tools);
      const listed = await storeResourceCatalogue(tx, ctx.tenantId, server.id, discovered);
      await notifyChange(tx, { kind: "server", tenantId: ctx.tenantId, serverId: server.id });
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: "server.rescanned",
        targetType: "server",
        targetId: server.id,
        data: { ...scanned, listed },
      });
      return scanned;
    },
    { timeout: 30_000 },
  );
  const rescanned = await getServer(deps.db, ctx.tenantId, server.id);
  return { server: toServerView(rescanned ?? server), scan: summary };
}
