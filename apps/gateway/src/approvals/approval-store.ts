import { type Approval, type Db, newId, notifyChange } from "@toolgate/db";

/** Who asks to run what: an approval is found again only by the same tenant, server, grant, tool and arguments. */
export type ApprovalKey = {
  tenantId: string;
  serverId: string;
  grantId: string;
  tool: string;
  argumentsHash: string;
};

/** The Approval table as the gateway uses it; every write is conditional on the status it expects. */
export class ApprovalStore {
  constructor(private readonly db: Db) {}

  /**
   * The still-usable approval for this exact call, or a new pending one: one statement (the database
   * function toolgate_find_or_create_approval), serialised per call identity by an advisory lock, so
   * identical calls arriving together share one request and a burst holds no pooled connection long.
   */
  async findOrCreate(
    key: ApprovalKey,
    input: { arguments: unknown; rule: string; timeoutSeconds: number },
    now: Date,
  ): Promise<{ approval: Approval; created: boolean }> {
    const id = newId("apr");
    const expiresAt = new Date(now.getTime() + input.timeoutSeconds * 1000);
    // Parsed from the JSON-RPC body, so JSON by construction.
    const args = JSON.stringify(input.arguments);
    const [approval] = await this.db.$queryRaw<Approval[]>`
      SELECT * FROM toolgate_find_or_create_approval(${id}, ${key.tenantId}, ${key.serverId},
        ${key.grantId}, ${key.tool}, ${key.argumentsHash}, ${args}::jsonb, ${input.rule}, ${expiresAt},
        ${now})`;
    if (approval === undefined) throw new Error("toolgate_find_or_create_approval returned no row");
    return { approval, created: approval.id === id };
  }

  /** Of these approvals (ids by tenant), the ones no longer pending: one query for any number. */
  async notPending(idsByTenant: ReadonlyMap<string, readonly string[]>): Promise<string[]> {
    if (idsByTenant.size === 0) return [];
    const rows = await this.db.approval.findMany({
      where: {
        OR: [...idsByTenant].map(([tenantId, ids]) => ({ tenantId, id: { in: [...ids] } })),
        status: { not: "pending" },
      },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  get(tenantId: string, approvalId: string): Promise<Approval | null> {
    return this.db.approval.findFirst({ where: { id: approvalId, tenantId } });
  }

  /** Spends an approval: true for exactly one caller, and only while it is approved and unexpired. */
  async use(tenantId: string, approvalId: string, now: Date): Promise<boolean> {
    const { count } = await this.db.approval.updateMany({
      where: { id: approvalId, tenantId, status: "approved", usedAt: null, expiresAt: { gt: now } },
      data: { status: "used", usedAt: now },
    });
    return count === 1;
  }

  /**
   * Records the decision of the person at the grant's MCP client (approval "by": "user"), if the
   * approval is still pending, belongs to that grant and has not expired; then wakes the gateways
   * holding the call. True if this answer decided it.
   */
  async decideInBand(
    key: { tenantId: string; grantId: string; approvalId: string },
    decision: { status: "approved" | "denied"; reason: string | null },
    now: Date,
  ): Promise<boolean> {
    const { count } = await this.db.approval.updateMany({
      where: {
        id: key.approvalId,
        tenantId: key.tenantId,
        grantId: key.grantId,
        status: "pending",
        expiresAt: { gt: now },
      },
      data: {
        status: decision.status,
        reason: decision.reason,
        decidedByGrantId: key.grantId,
        decidedAt: now,
      },
    });
    if (count === 1) {
      await notifyChange(this.db, { kind: "approval", tenantId: key.tenantId, approvalId: key.approvalId });
    }
    return count === 1;
  }

  /** Marks a pending approval whose time ran out as expired (no-op if it was decided meanwhile). */
  async expire(tenantId: string, approvalId: string, now: Date): Promise<void> {
    await this.db.approval.updateMany({
      where: { id: approvalId, tenantId, status: "pending", expiresAt: { lte: now } },
      data: { status: "expired" },
    });
  }
}
