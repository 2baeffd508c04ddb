import {
  AUDIT_GENESIS_HASH,
  auditEventHash,
  type ChainBreak,
  type ChainLink,
  checkChainLinks,
} from "../audit/audit-chain";
import type { Db } from "../create-db";
import type { AuditEvent } from "../generated/prisma/client";
import { toNullableJson } from "../json-input";
import { newId } from "../new-id";
import { type DbClient, inTransaction } from "../transaction";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const VERIFY_PAGE = 1_000;

/** What an audit event says: who did what to which object. */
export type AuditInput = {
  actorUserId?: string | null;
  actorLabel?: string;
  action: string;
  targetType: string;
  targetId: string;
  data?: unknown;
};

/**
 * Appends an admin action (policy published, grant created/revoked, server changed…) to the tenant's
 * hash-chained audit stream. Pass the transaction of the change it records, so both commit or neither;
 * appends of one tenant are serialised by an advisory lock held to the end of that transaction.
 */
export async function recordAudit(db: DbClient, tenantId: string, input: AuditInput): Promise<AuditEvent> {
  return inTransaction(db, async (tx) => {
    const head = await lockChainHead(tx, tenantId);
    const fields = {
      id: newId("aud"),
      tenantId,
      seq: head.seq + 1,
      actorUserId: input.actorUserId ?? null,
      actorLabel: input.actorLabel ?? "",
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      // Hashed as it will read back from jsonb.
      data: input.data === undefined ? null : (JSON.parse(JSON.stringify(input.data)) as unknown),
      createdAt: new Date(),
    };
    const hash = auditEventHash(head.hash, fields);
    const event = await tx.auditEvent.create({
      data: { ...fields, data: toNullableJson(fields.data), prevHash: head.hash, hash },
    });
    await saveChainHead(tx, tenantId, { seq: fields.seq, hash });
    return event;
  });
}

/**
 * Links the tenant's events recorded before the chain existed (seq null) onto the end of its chain, oldest
 * first, each hashed as it is stored. From then on an edit or deletion of them is detected like any other.
 * Their seq follows the chain's order of adoption, their createdAt stays when they happened. Works in
 * transactions of `batchSize` events, so a long history holds no transaction open for long; live events
 * appended between two batches take their place in the chain between them. Idempotent.
 */
export async function chainUnchainedAuditEvents(
  db: DbClient,
  tenantId: string,
  batchSize = 500,
): Promise<number> {
  let chained = 0;
  for (;;) {
    const linked = await inTransaction(db, async (tx) => {
      let head = await lockChainHead(tx, tenantId);
      const events = await tx.auditEvent.findMany({
        where: { tenantId, seq: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
      });
      for (const event of events) {
        const seq = head.seq + 1;
        const hash = auditEventHash(head.hash, { ...event, seq });
        await tx.auditEvent.update({ where: { id: event.id }, data: { seq, prevHash: head.hash, hash } });
        head = { seq, hash };
      }
      if (events.length > 0) await saveChainHead(tx, tenantId, head);
      return events.length;
    });
    chained += linked;
    if (linked < batchSize) return chained;
  }
}

/** The tenants that still have events from before the chain existed. Operator tool: every tenant. */
export async function tenantsWithUnchainedAuditEvents(db: Db): Promise<string[]> {
  const rows = await db.auditEvent.groupBy({
    by: ["tenantId"],
    where: { seq: null },
    orderBy: { tenantId: "asc" },
  });
  return rows.map((row) => row.tenantId);
}

/** The tenant's chain head, under an advisory lock that serialises its appends to the end of the transaction. */
async function lockChainHead(tx: DbClient, tenantId: string): Promise<{ seq: number; hash: string }> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${tenantId}`}, 0))::text`;
  const head = await tx.auditChainHead.findUnique({ where: { tenantId } });
  return { seq: head?.seq ?? 0, hash: head?.hash ?? AUDIT_GENESIS_HASH };
}

async function saveChainHead(tx: DbClient, tenantId: string, head: { seq: number; hash: string }) {
  await tx.auditChainHead.upsert({ where: { tenantId }, create: { tenantId, ...head }, update: head });
}

/**
 * Runs a change and records its audit event in one transaction: both commit, or neither does.
 * `audit` may return null when the change turned out to be a no-op worth no event.
 */
export async function withAudit<T>(
  db: DbClient,
  tenantId: string,
  change: (tx: DbClient) => Promise<T>,
  audit: (result: T) => AuditInput | null,
  options?: { timeout?: number },
): Promise<T> {
  return inTransaction(
    db,
    async (tx) => {
      const result = await change(tx);
      const input = audit(result);
      if (input !== null) await recordAudit(tx, tenantId, input);
      return result;
    },
    options,
  );
}

/** The result of checking a tenant's audit chain; `unchained` counts events from before the chain existed. */
export type AuditChainReport = { ok: boolean; checked: number; unchained: number; broken: ChainBreak | null };

/** Recomputes the tenant's audit hash chain: an edited, deleted or re-linked event breaks it. */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<AuditChainReport> {
  const head = await db.auditChainHead.findUnique({ where: { tenantId } });
  const unchained = await db.auditEvent.count({ where: { tenantId, seq: null } });
  let expected = { seq: 0, hash: AUDIT_GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { tenantId, seq: { gt: expected.seq } },
      orderBy: { seq: "asc" },
      take: VERIFY_PAGE,
    });
    const links = page.filter((event): event is AuditEvent & { seq: number } => event.seq !== null);
    const { next, broken } = checkChainLinks(links.map(toLink), expected);
    checked += next.seq - expected.seq;
    if (broken !== null) return { ok: false, checked, unchained, broken };
    expected = next;
    if (page.length < VERIFY_PAGE) break;
  }
  if ((head?.seq ?? 0) !== expected.seq || (head?.hash ?? AUDIT_GENESIS_HASH) !== expected.hash) {
    // The newest events were deleted (no later link covers them), or the head was tampered with.
    const broken: ChainBreak = { seq: expected.seq + 1, eventId: null, problem: "head_mismatch" };
    return { ok: false, checked, unchained, broken };
  }
  return { ok: true, checked, unchained, broken: null };
}

function toLink(event: AuditEvent & { seq: number }): ChainLink {
  return {
    id: event.id,
    tenantId: event.tenantId,
    seq: event.seq,
    actorUserId: event.actorUserId,
    actorLabel: event.actorLabel,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data,
    createdAt: event.createdAt,
    prevHash: event.prevHash,
    hash: event.hash,
  };
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
