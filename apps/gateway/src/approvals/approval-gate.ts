import type { Approval } from "@toolgate/db";
import type { Logger } from "pino";
import type { ApprovalKey, ApprovalStore } from "./approval-store";
import type { ApprovalWaiters } from "./approval-waiters";
import { argumentsDigest } from "./arguments-digest";

// setTimeout fires at once for delays past 2^31 - 1 ms (~24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A tools/call held by a require_approval rule. */
export type ApprovalRequest = {
  tenantId: string;
  serverId: string;
  grantId: string;
  tool: string;
  args: Record<string, unknown>;
  rule: string;
  timeoutSeconds: number;
  /** Names for people (webhook messages): the server's slug and the grant's label. */
  labels: { serverName: string; grantLabel: string };
};

/** A call now waiting on a pending approval: what its hold listener is told (once). */
export type HeldApproval = { approvalId: string; expiresAt: Date };

/** How a held call ended; only "approved" lets it go on (to its limits). */
export type ApprovalOutcome =
  | { kind: "approved"; approvalId: string; decidedByGrantId: string | null }
  | { kind: "denied"; approvalId: string; reason: string | null }
  | { kind: "expired"; approvalId: string }
  | { kind: "abandoned"; approvalId: string }
  | { kind: "used_elsewhere"; approvalId: string };

export type ApprovalGateOptions = {
  store: ApprovalStore;
  waiters: ApprovalWaiters;
  logger: Logger;
  /** Fallback re-read interval in case a notification is missed (default 2 s); one query for all held calls. */
  pollMs?: number;
  /** Wall-clock time; approvals are about human time, so not the limiter's (test-pinned) clock. */
  now?: () => number;
  /** Told once per new approval request (not for a retry that finds one), after it is stored. */
  onRequested?: (approval: Approval, request: ApprovalRequest) => void;
};

/**
 * Holds a call until a human decides its approval request in the dashboard, or it expires. The
 * request lives in Postgres, so a client that reconnects (even to another or restarted gateway) and
 * retries the identical call waits on, or runs with, the same approval. An approval runs one call.
 */
export class ApprovalGate {
  private readonly pollMs: number;
  private readonly now: () => number;
  /** Approvals with calls held here, by id: their tenant and how many calls wait on each. */
  private readonly held = new Map<string, { tenantId: string; calls: number }>();
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly options: ApprovalGateOptions) {
    this.pollMs = options.pollMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  async await(
    request: ApprovalRequest,
    signal: AbortSignal,
    onHeld?: (held: HeldApproval) => void,
  ): Promise<ApprovalOutcome> {
    const { store } = this.options;
    let approval = await this.findOrCreate(request);
    this.options.logger.debug({ approvalId: approval.id, tool: request.tool }, "call held for approval");
    let told = false;
    this.watch(approval.id, request.tenantId);
    try {
      for (;;) {
        const settled = await this.settle(approval);
        if (settled !== undefined) return settled;
        if (!told) {
          told = true;
          onHeld?.({ approvalId: approval.id, expiresAt: approval.expiresAt });
        }
        // Woken by a change notification, by the shared poll finding it decided, or at its expiry.
        const left = approval.expiresAt.getTime() - this.now();
        const woke = await this.options.waiters.wait(approval.id, Math.min(left, MAX_TIMER_MS), signal);
        if (woke === "aborted") return { kind: "abandoned", approvalId: approval.id };
        const current = await store.get(request.tenantId, approval.id);
        if (current === null) return { kind: "expired", approvalId: approval.id };
        approval = current;
      }
    } finally {
      this.unwatch(approval.id);
    }
  }

  /**
   * The fallback for a missed notification is one query per poll interval for all the approvals with
   * calls held here, not one per held call: a tenant holding many calls costs Postgres next to nothing.
   */
  private watch(approvalId: string, tenantId: string): void {
    const entry = this.held.get(approvalId);
    if (entry !== undefined) entry.calls += 1;
    else this.held.set(approvalId, { tenantId, calls: 1 });
    if (this.pollTimer === undefined) {
      this.pollTimer = setInterval(() => void this.poll(), this.pollMs);
      this.pollTimer.unref();
    }
  }

  private unwatch(approvalId: string): void {
    const entry = this.held.get(approvalId);
    if (entry === undefined) return;
    entry.calls -= 1;
    if (entry.calls === 0) this.held.delete(approvalId);
    if (this.held.size === 0 && this.pollTimer !== undefined) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  private async poll(): Promise<void> {
    if (this.polling || this.held.size === 0) return;
    this.polling = true;
    try {
      const byTenant = new Map<string, string[]>();
      for (const [approvalId, { tenantId }] of this.held) {
        byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), approvalId]);
      }
      const decided = await this.options.store.notPending(byTenant);
      for (const approvalId of decided) this.options.waiters.notify(approvalId);
    } catch (error) {
      this.options.logger.warn({ err: error }, "could not re-read held approvals; retrying at the next poll");
    } finally {
      this.polling = false;
    }
  }

  /**
   * Without waiting: how this call's approval stands now (creating the pending request if there is
   * none). For the stateless wire, where the client is asked through an InputRequiredResult and
   * answers by sending the call again.
   */
  async check(
    request: ApprovalRequest,
    answeredId?: string,
  ): Promise<ApprovalOutcome | ({ kind: "pending" } & HeldApproval)> {
    // The approval the client just answered decides this call, if it is about this exact call.
    const answered =
      answeredId === undefined ? null : await this.options.store.get(request.tenantId, answeredId);
    const approval =
      answered !== null && sameCall(answered, request) && answered.status !== "used"
        ? answered
        : await this.findOrCreate(request);
    return (
      (await this.settle(approval)) ?? {
        kind: "pending",
        approvalId: approval.id,
        expiresAt: approval.expiresAt,
      }
    );
  }

  private async findOrCreate(request: ApprovalRequest): Promise<Approval> {
    const key: ApprovalKey = {
      tenantId: request.tenantId,
      serverId: request.serverId,
      grantId: request.grantId,
      tool: request.tool,
      argumentsHash: argumentsDigest(request.args),
    };
    const found = await this.options.store.findOrCreate(
      key,
      { arguments: request.args, rule: request.rule, timeoutSeconds: request.timeoutSeconds },
      new Date(this.now()),
    );
    if (found.created) this.options.onRequested?.(found.approval, request);
    return found.approval;
  }

  /**
   * The answer of the person at the grant's client to an in-band approval question: decides the
   * approval if it is still pending (every gateway holding the call wakes). True if it decided it.
   */
  async answerInBand(
    key: { tenantId: string; grantId: string; approvalId: string },
    accepted: boolean,
  ): Promise<boolean> {
    const decision = accepted
      ? { status: "approved" as const, reason: null }
      : { status: "denied" as const, reason: "The person using the agent declined it in their MCP client." };
    const decided = await this.options.store.decideInBand(key, decision, new Date(this.now()));
    if (decided) this.options.waiters.notify(key.approvalId);
    return decided;
  }

  /** The outcome an approval in this state gives, or undefined while it is still pending. */
  private async settle(approval: Approval): Promise<ApprovalOutcome | undefined> {
    const { store } = this.options;
    const now = new Date(this.now());
    const approvalId = approval.id;
    switch (approval.status) {
      case "approved":
        // Atomic: of all the calls that see this approval, exactly one runs.
        return (await store.use(approval.tenantId, approvalId, now))
          ? { kind: "approved", approvalId, decidedByGrantId: approval.decidedByGrantId }
          : { kind: "used_elsewhere", approvalId };
      case "denied":
        return { kind: "denied", approvalId, reason: approval.reason };
      case "used":
        return { kind: "used_elsewhere", approvalId };
      case "expired":
        return { kind: "expired", approvalId };
      case "pending":
        if (approval.expiresAt.getTime() > now.getTime()) return undefined;
        await store.expire(approval.tenantId, approvalId, now);
        return { kind: "expired", approvalId };
    }
  }
}

/** Whether an approval is about exactly this call: same server, grant, tool and argument digest. */
function sameCall(approval: Approval, request: ApprovalRequest): boolean {
  return (
    approval.serverId === request.serverId &&
    approval.grantId === request.grantId &&
    approval.tool === request.tool &&
    approval.argumentsHash === argumentsDigest(request.args)
  );
}
