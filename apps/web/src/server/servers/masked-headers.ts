import { type Db, getServer } from "@toolgate/db";
import type { SecretKeyInput } from "@toolgate/secrets";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { openServerHeaders } from "./rescan-server";

/** A secret as shown after saving: its last four characters at most, the rest dotted out. */
export function maskSecret(value: string): string {
  const visible = value.length >= 12 ? value.slice(-4) : "";
  return `${"•".repeat(8)}${visible}`;
}

/** A server's upstream header names with masked values; the values never leave the server. */
export async function listMaskedHeaders(
  deps: { db: Db; secretKey: SecretKeyInput },
  ctx: SessionContext,
  serverId: string,
): Promise<{ name: string; masked: string }[]> {
  assertCan(ctx, "read");
  const server = await getServer(deps.db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const headers = openServerHeaders(server.headersSealed, deps.secretKey);
  return Object.entries(headers).map(([name, value]) => ({ name, masked: maskSecret(value) }));
}
