import { createHash } from "node:crypto";

/** The hash a tenant's first chained audit event links to. */
export const AUDIT_GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers. */
export type ChainedAuditFields = {
  id: string;
  tenantId: string;
  seq: number;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  data: unknown;
  createdAt: Date;
};

/** sha256 (hex) over the previous hash and the event's fields as canonical JSON (keys sorted). */
export function auditEventHash(prevHash: string, event: ChainedAuditFields): string {
  // Exactly these fields, whatever else the object carries (a stored row also has prevHash and hash).
  const content = canonicalJson({
    id: event.id,
    tenantId: event.tenantId,
    seq: event.seq,
    actorUserId: event.actorUserId,
    actorLabel: event.actorLabel,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
  });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

/** The first place a chain of events breaks, or null if every link holds. */
export type ChainBreak = {
  seq: number;
  eventId: string | null;
  problem: "edited" | "missing" | "relinked" | "head_mismatch";
};

export type ChainLink = ChainedAuditFields & { prevHash: string | null; hash: string | null };

/**
 * Checks links in seq order, starting after `expected` (the previous link, or the genesis). Pure: the
 * caller pages through the events and passes the last verified link on.
 */
export function checkChainLinks(
  links: ChainLink[],
  expected: { seq: number; hash: string },
): { next: { seq: number; hash: string }; broken: ChainBreak | null } {
  let previous = expected;
  for (const link of links) {
    if (link.seq !== previous.seq + 1) {
      return { next: previous, broken: { seq: previous.seq + 1, eventId: null, problem: "missing" } };
    }
    if (link.prevHash !== previous.hash) {
      return { next: previous, broken: { seq: link.seq, eventId: link.id, problem: "relinked" } };
    }
    if (link.hash !== auditEventHash(previous.hash, link)) {
      return { next: previous, broken: { seq: link.seq, eventId: link.id, problem: "edited" } };
    }
    previous = { seq: link.seq, hash: link.hash };
  }
  return { next: previous, broken: null };
}
