import type { Db } from "../create-db";
import type { AuditEvent, Prisma } from "../generated/prisma/client";
import { toNullableJson } from "../json-input";
import { newId } from "../new-id";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/**
 * Appends an admin action (policy published, grant created/revoked, server changed…) to the audit stream.
 * Accepts a transaction client so a change and its audit event can commit together.
 */
export async function recordAudit(
  db: Db | Prisma.TransactionClient,
  tenantId: string,
  input: {
    actorUserId?: string | null;
    actorLabel?: string;
    action: string;
    targetType: string;
    targetId: string;
    data?: unknown;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      id: newId("aud"),
      tenantId,
      actorUserId: input.actorUserId ?? null,
      actorLabel: input.actorLabel ?? "",
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      data: toNullableJson(input.data),
    },
  });
}

/** The tenant's latest audit events, newest first. */
export async function listAuditEvents(
  db: Db,
  tenantId: string,
  limit = DEFAULT_LIMIT,
): Promise<AuditEvent[]> {
  return db.auditEvent.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT),
  });
}
