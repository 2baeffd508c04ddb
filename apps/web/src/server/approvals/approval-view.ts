import type { Approval, ApprovalStatus } from "@toolgate/db";

/** An approval request as a reviewer sees it, arguments included: they decide on exact values. */
export type ApprovalView = {
  id: string;
  serverId: string;
  grantId: string;
  tool: string;
  arguments: unknown;
  rule: string;
  status: ApprovalStatus;
  reason: string | null;
  decidedById: string | null;
  /** The grant whose user decided in their MCP client (approval "by": "user"), else null. */
  decidedByGrantId: string | null;
  decidedAt: Date | null;
  expiresAt: Date;
  createdAt: Date;
};

/** An approval row as rendered. */
export function toApprovalView(row: Approval): ApprovalView {
  return {
    id: row.id,
    serverId: row.serverId,
    grantId: row.grantId,
    tool: row.tool,
    arguments: row.arguments,
    rule: row.rule,
    status: row.status,
    reason: row.reason,
    decidedById: row.decidedById,
    decidedByGrantId: row.decidedByGrantId,
    decidedAt: row.decidedAt,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}
