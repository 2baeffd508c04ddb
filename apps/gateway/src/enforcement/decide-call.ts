import {
  type CallContext,
  type Decision,
  describeLimitDenial,
  evaluateCall,
  formatDenial,
  type LimitCheck,
} from "@toolgate/policy-core";
import type {
  ApprovalGate,
  ApprovalOutcome,
  ApprovalRequest,
  HeldApproval,
} from "../approvals/approval-gate";
import type { HeldCall } from "../approvals/hold-channel";
import type { CachedPolicy } from "../cache/cached-types";
import { storeUnavailableError } from "../cache/store-unavailable-error";
import { GatewayError } from "../errors/gateway-error";
import type { Clock } from "../http/gateway-services";
import type { PinRegistry } from "../pinning/pin-registry";
import { LimitsUnavailableError } from "../rate-limit/limits-unavailable-error";
import type { RateLimiter, Reservation } from "../rate-limit/rate-limiter";
import type { TenantConcurrency } from "../safety/tenant-concurrency";
import { approvalDenialReason } from "./approval-denial";

/** What to do with one tools/call: forward it (holding any limit reservation), or answer with a denial. */
export type CallVerdict =
  | {
      kind: "forward";
      decision: "allow" | "approved";
      rule: string;
      reservation: Reservation | null;
      /** For the call log: who approved, when the agent's user did in their client. */
      note?: string;
      /** The call waited for a human decision. */
      held?: boolean;
    }
  | {
      kind: "deny";
      decision: "deny" | "rate_limited" | "approval_pending" | "error";
      rule: string;
      text: string;
      held?: boolean;
    }
  // Stateless wire, approval by the user: answer now with a question; the re-sent call carries the answer.
  | {
      kind: "ask";
      decision: "approval_pending";
      rule: string;
      approvalId: string;
      expiresAt: Date;
      call: HeldCall;
    };

/** How a held call reaches whoever decides it. */
export type HoldOptions = {
  /** Told when the call starts waiting (to reach the decider); returns who was asked. */
  onHold?: (held: HeldApproval, call: HeldCall) => "team" | "user";
  /** The client can be asked without holding the call (stateless wire, form elicitation declared). */
  askInline?: boolean;
  /** The approval the re-sent call just answered (stateless wire), which then decides it. */
  answeredApprovalId?: string;
};

/** The stateful parts of enforcement, injected by the gateway. */
export type Enforcers = {
  limiter: RateLimiter;
  approvals: ApprovalGate;
  pins: PinRegistry;
  clock: Clock;
  /** Calls of one tenant held for approval at once; more are refused (fair share between tenants). */
  heldApprovals: TenantConcurrency;
};

const NO_POLICY = "(no policy)";
const QUARANTINED = "(quarantined)";
// How soon an agent may retry a call refused because the limit store is down.
const UNAVAILABLE_RETRY_SECONDS = 5;

/** A denial verdict with the agent-facing text. */
export function deny(
  decision: Extract<CallVerdict, { kind: "deny" }>["decision"],
  rule: string,
  reason: string,
) {
  return { kind: "deny", decision, rule, text: formatDenial({ reason, rule }) } as const;
}

/**
 * Decides one tools/call in the product's order: quarantine, then the policy (hidden → deny → deny_if
 * → require → approval → limits). A held call waits here for its approval; `signal` ends the wait
 * when the client goes away.
 */
export async function decideCall(
  policy: CachedPolicy,
  call: CallContext & { labels: ApprovalRequest["labels"] },
  enforcers: Enforcers,
  nowMs: number,
  signal: AbortSignal,
  hold: HoldOptions = {},
): Promise<CallVerdict> {
  if (policy === null) {
    return deny("deny", NO_POLICY, "No policy is published for this server, so every tool call is denied.");
  }
  if (await enforcers.pins.isQuarantined(call.tenantId, call.serverId, call.tool)) {
    const reason = `Tool '${call.tool}' changed its definition since it was reviewed and is quarantined until someone accepts the change in the catalogue.`;
    return deny("deny", QUARANTINED, reason);
  }
  return settleDecision(evaluateCall(policy.compiled, call), call, enforcers, nowMs, signal, hold);
}

/** What a decision is about: a tool call, or a resource read / prompt get labelled like a tool. */
export type DecisionSubject = {
  tenantId: string;
  serverId: string;
  grantId: string;
  /** The tool, or "resource:<uri>" / "prompt:<name>": what approvals and logs show. */
  tool: string;
  args: Record<string, unknown>;
  /** The server's and grant's names, for the approval-requested webhook. */
  labels: ApprovalRequest["labels"];
};

/** Carries out a policy decision: waits for an approval, reserves the limits, or denies. */
export async function settleDecision(
  decision: Decision,
  subject: DecisionSubject,
  enforcers: Enforcers,
  nowMs: number,
  signal: AbortSignal,
  hold: HoldOptions = {},
): Promise<CallVerdict> {
  switch (decision.outcome) {
    case "allow":
      return { kind: "forward", decision: "allow", rule: decision.rule, reservation: null };
    case "deny":
      return deny("deny", decision.rule, decision.reason);
    case "check_limits":
      return reserve(enforcers.limiter, decision.limits, decision.rule, "allow", nowMs);
    case "require_approval": {
      let asked: "team" | "user" = "team";
      const heldCall: HeldCall = {
        tool: subject.tool,
        args: subject.args,
        rule: decision.rule,
        by: decision.approvalBy,
      };
      const request = {
        tenantId: subject.tenantId,
        serverId: subject.serverId,
        grantId: subject.grantId,
        tool: subject.tool,
        args: subject.args,
        rule: decision.rule,
        timeoutSeconds: decision.timeoutSeconds,
        labels: subject.labels,
      };
      const inline = decision.approvalBy === "user" && hold.askInline === true;
      const checked = inline
        ? await orStoreUnavailable(() => enforcers.approvals.check(request, hold.answeredApprovalId))
        : undefined;
      if (checked?.kind === "pending") {
        const { approvalId, expiresAt } = checked;
        return {
          kind: "ask",
          decision: "approval_pending",
          rule: decision.rule,
          approvalId,
          expiresAt,
          call: heldCall,
        };
      }
      if (inline) asked = "user";
      let outcome: ApprovalOutcome;
      if (checked !== undefined) outcome = checked;
      else {
        // Held calls have a per-tenant cap of their own, apart from requests in flight (fair share).
        const release = enforcers.heldApprovals.acquire(subject.tenantId);
        if (release === null) {
          const reason = `Too many calls of this organisation are waiting for approval (limit ${enforcers.heldApprovals.max}); retry after some are decided.`;
          return deny("rate_limited", decision.rule, reason);
        }
        try {
          outcome = await orStoreUnavailable(() =>
            enforcers.approvals.await(request, signal, (held) => {
              asked = hold.onHold?.(held, heldCall) ?? "team";
            }),
          );
        } finally {
          release();
        }
      }
      if (outcome.kind !== "approved") {
        const fellBack = decision.approvalBy === "user" && asked === "team";
        const reason = approvalDenialReason(subject.tool, outcome, decision.timeoutSeconds, fellBack);
        const refused = deny(
          outcome.kind === "abandoned" ? "approval_pending" : "deny",
          decision.rule,
          reason,
        );
        return { ...refused, held: true };
      }
      // Approved calls still count against their limits; the clock moved while the call waited.
      const reserved = await reserve(
        enforcers.limiter,
        decision.limits,
        decision.rule,
        "approved",
        enforcers.clock.now(),
      );
      const verdict = { ...reserved, held: true };
      if (verdict.kind !== "forward" || outcome.decidedByGrantId === null) return verdict;
      return {
        ...verdict,
        note: `Approved in their MCP client by the person using this grant (approval ${outcome.approvalId}).`,
      };
    }
  }
}

// Approvals live in Postgres: when it cannot be reached (or is overloaded) the call gets 503 with
// Retry-After, like any lookup nothing cached can answer, not an internal error.
async function orStoreUnavailable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw storeUnavailableError(error);
  }
}

async function reserve(
  limiter: RateLimiter,
  limits: LimitCheck[],
  rule: string,
  decision: "allow" | "approved",
  nowMs: number,
): Promise<CallVerdict> {
  if (limits.length === 0) return { kind: "forward", decision, rule, reservation: null };
  try {
    const result = await limiter.reserve(limits, nowMs);
    if (result.ok) return { kind: "forward", decision, rule, reservation: result.reservation };
    const text = formatDenial({
      reason: describeLimitDenial(result.limit),
      rule: result.limit.rule,
      retryAfterSeconds: result.retryAfterSeconds,
    });
    return { kind: "deny", decision: "rate_limited", rule: result.limit.rule, text };
  } catch (error) {
    if (!(error instanceof LimitsUnavailableError)) throw error;
    // Fail closed: a limit that cannot be counted cannot be honoured.
    const limitRule = limits[0]?.rule ?? rule;
    const reason =
      "Rate limits cannot be checked right now (the limit store is unavailable), so this rate-limited tool is refused.";
    const text = formatDenial({ reason, rule: limitRule, retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS });
    return { kind: "deny", decision: "error", rule: limitRule, text };
  }
}
