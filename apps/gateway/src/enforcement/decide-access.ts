import {
  evaluateAccess,
  formatDenial,
  isAccessVisible,
  isResourceTemplateVisible,
  RULE_LABELS,
} from "@toolgate/policy-core";
import type { CachedPolicy } from "../cache/cached-types";
import type { AccessTarget } from "../jsonrpc/access-params";
import { type CallVerdict, deny, type Enforcers, type HoldOptions, settleDecision } from "./decide-call";

/** The ids a decision needs besides its target. */
export type AccessCaller = {
  tenantId: string;
  serverId: string;
  grantId: string;
  sessionId: string | undefined;
  /** The server's and grant's names, for the approval-requested webhook. */
  labels: { serverName: string; grantLabel: string };
};

/** How a resource or prompt appears in approvals and call logs, where tools appear by name. */
export function accessLabel(target: AccessTarget): string {
  return `${target.kind}:${target.name}`;
}

const NO_POLICY_REASON = "No policy is published for this server, so every request for its data is denied.";

/**
 * Decides a resources/read, resources/subscribe or prompts/get like a tools/call: hidden → deny →
 * approval → limits, `default` when no rule matches.
 */
export async function decideAccess(
  policy: CachedPolicy,
  target: AccessTarget,
  caller: AccessCaller,
  enforcers: Enforcers,
  nowMs: number,
  signal: AbortSignal,
  hold: HoldOptions = {},
): Promise<CallVerdict> {
  if (policy === null) return deny("deny", RULE_LABELS.noPolicy, NO_POLICY_REASON);
  const { labels, ...ids } = caller;
  const decision = evaluateAccess(policy.compiled, { kind: target.kind, name: target.name, ...ids });
  const subject = { ...ids, labels, tool: accessLabel(target), args: target.args };
  return settleDecision(decision, subject, enforcers, nowMs, signal, hold);
}

/**
 * Decides a completion/complete: answered only for a prompt or resource template that is listed to this
 * agent (completions can reveal the data behind it); no limit is counted and no approval asked.
 */
export function decideCompletion(policy: CachedPolicy, target: AccessTarget): CallVerdict {
  if (policy === null) return deny("deny", RULE_LABELS.noPolicy, NO_POLICY_REASON);
  const visible =
    target.kind === "prompt"
      ? isAccessVisible(policy.compiled, "prompt", target.name)
      : isResourceTemplateVisible(policy.compiled, target.name);
  if (visible) return { kind: "forward", decision: "allow", rule: "(listed)", reservation: null };
  const decision = evaluateAccess(policy.compiled, {
    kind: target.kind,
    name: target.name,
    tenantId: "",
    serverId: "",
    grantId: "",
  });
  const rule = decision.outcome === "deny" ? decision.rule : RULE_LABELS.defaultDeny;
  const what = target.kind === "prompt" ? `prompt '${target.name}'` : `resource '${target.name}'`;
  const reason = `Completions for ${what} are not available: the policy does not let this agent use it.`;
  return { kind: "deny", decision: "deny", rule, text: formatDenial({ reason, rule }) };
}
