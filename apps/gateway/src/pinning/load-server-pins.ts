import type { Db } from "@toolgate/db";
import type { ServerPins } from "./server-pins";

/** Loads the pin state of every catalogued tool of a server (one query, cached by the caller). */
export async function loadServerPins(db: Db, tenantId: string, serverId: string): Promise<ServerPins> {
  const rows = await db.tool.findMany({
    where: { tenantId, serverId },
    select: { id: true, name: true, definitionHash: true, pinState: true, pendingHash: true },
  });
  return {
    tenantId,
    serverId,
    tools: new Map(
      rows.map((row) => [
        row.name,
        { id: row.id, hash: row.definitionHash, state: row.pinState, pendingHash: row.pendingHash },
      ]),
    ),
    unparseable: new Set(),
  };
}
