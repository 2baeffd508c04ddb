import type { LimitScope } from "./schema/policy-schema";

export type { LimitScope };

/** What the gateway knows about one tools/call. */
export type CallContext = {
  tool: string;
  args: Record<string, unknown>;
  tenantId: string;
  serverId: string;
  grantId: string;
  sessionId?: string | undefined;
};

/** One counter the gateway must check (and increment) before letting the call through. */
export type LimitCheck = {
  /** Redis key stem without the window start; the gateway appends ":" + window start. */
  key: string;
  counter: string;
  scope: LimitScope;
  windowSeconds: number;
  max: number;
  /** JSON pointer of the limit, e.g. "/tools/MountIso/limits/0". */
  rule: string;
};

/** Who decides a held call: the tenant's team, or the person at the MCP client ("user"). */
export type Approver = "team" | "user";

/** The verdict for one call; decisions may be shared between calls, so treat them as read-only. */
export type Decision =
  | { outcome: "allow"; rule: string }
  | { outcome: "check_limits"; rule: string; limits: LimitCheck[] }
  | {
      outcome: "require_approval";
      rule: string;
      timeoutSeconds: number;
      approvalBy: Approver;
      limits: LimitCheck[];
    }
  | { outcome: "deny"; rule: string; reason: string };

/** Fixed labels used as `rule` when no single policy rule decided. */
export const RULE_LABELS = {
  defaultDeny: "(default deny)",
  defaultAllow: "(default allow)",
  hidden: "(hidden)",
  noPolicy: "(no policy)",
} as const;

/** Approval timeout when a require_approval rule gives none (10 minutes). */
export const DEFAULT_APPROVAL_TIMEOUT_SECONDS = 600;
