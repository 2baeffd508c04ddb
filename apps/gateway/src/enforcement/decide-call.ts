import { type CallContext, describeLimitDenial, evaluateCall, formatDenial } from "@toolgate/policy-core";
import type { CachedPolicy } from "../cache/cached-types";
import type { RateLimiter, Reservation } from "../rate-limit/rate-limiter";

/** What to do with one tools/call: forward it (holding any limit reservation), or answer with a denial. */
export type CallVerdict =
  | { kind: "forward"; rule: string; reservation: Reservation | null }
  | { kind: "deny"; decision: "deny" | "rate_limited"; rule: string; text: string };

const NO_POLICY = "(no policy)";

/** Applies the policy in force, then its limits, to one tools/call. */
export async function decideCall(
  policy: CachedPolicy,
  call: CallContext,
  limiter: RateLimiter,
  nowMs: number,
): Promise<CallVerdict> {
  if (policy === null) {
    const reason = "No policy is published for this server, so every tool call is denied.";
    return {
      kind: "deny",
      decision: "deny",
      rule: NO_POLICY,
      text: formatDenial({ reason, rule: NO_POLICY }),
    };
  }
  const decision = evaluateCall(policy.compiled, call);
  switch (decision.outcome) {
    case "allow":
      return { kind: "forward", rule: decision.rule, reservation: null };
    case "deny":
      return {
        kind: "deny",
        decision: "deny",
        rule: decision.rule,
        text: formatDenial({ reason: decision.reason, rule: decision.rule }),
      };
    case "require_approval": {
      // Approvals arrive with issue 5; until then such calls are refused, saying why.
      const reason = `Tool '${call.tool}' requires approval; approvals are not available yet.`;
      return {
        kind: "deny",
        decision: "deny",
        rule: decision.rule,
        text: formatDenial({ reason, rule: decision.rule }),
      };
    }
    case "check_limits": {
      const result = await limiter.reserve(decision.limits, nowMs);
      if (result.ok) return { kind: "forward", rule: decision.rule, reservation: result.reservation };
      const text = formatDenial({
        reason: describeLimitDenial(result.limit),
        rule: result.limit.rule,
        retryAfterSeconds: result.retryAfterSeconds,
      });
      return { kind: "deny", decision: "rate_limited", rule: result.limit.rule, text };
    }
  }
}
