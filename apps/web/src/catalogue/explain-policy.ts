import type { Policy, PolicyLimit, PolicyRule } from "@toolgate/policy-core";

const SCOPE_WORDS: Record<PolicyLimit["scope"], string> = {
  grant: "per agent grant (each agent token has its own budget)",
  session: "per MCP session",
  server: "for the whole server, shared by every agent",
  tenant: "for the whole organisation",
};

function windowWords(window: PolicyLimit["window"]): string {
  return typeof window === "number" ? `${window} seconds` : window;
}

/** The policy in plain sentences, for the tool the page is about. */
export function explainPolicy(policy: Policy, toolName: string): string[] {
  const lines: string[] = [];
  lines.push(
    policy.default === "deny"
      ? "Every tool the policy does not name is denied (rule “(default deny)”), so new or unknown tools stay blocked until you allow them."
      : "Every tool the policy does not name is allowed (default allow).",
  );
  if ((policy.hide ?? []).includes(toolName)) {
    lines.push(
      `${toolName} is hidden: it vanishes from tools/list, and a call made anyway is refused with [POLICY DENIED] and rule “(hidden)”; the server never sees it.`,
    );
  }
  const rule = policy.tools?.[toolName];
  if (rule !== undefined) lines.push(...explainRule(toolName, rule));
  return lines;
}

function explainRule(toolName: string, rule: PolicyRule): string[] {
  const lines: string[] = [];
  const pointer = `/tools/${toolName}`;
  if (rule.action === "deny") {
    lines.push(
      `${toolName} is denied (rule ${pointer})${rule.on_deny ? `, with the message “${rule.on_deny}”` : ""}.`,
    );
    return lines;
  }
  if (rule.action === "require_approval") {
    lines.push(
      `Each call to ${toolName} waits until a policy manager or admin approves it, for at most ${rule.approval?.timeout ?? "10m"}; the approval covers those exact arguments, once.`,
    );
  } else if ((rule.limits ?? []).length === 0 && rule.rate_limit === undefined) {
    lines.push(`${toolName} is allowed without a limit.`);
  }
  for (const [index, limit] of (rule.limits ?? []).entries()) {
    lines.push(
      `${toolName} is allowed at most ${limit.max} times per ${windowWords(limit.window)} ${SCOPE_WORDS[limit.scope]}, counted in “${limit.counter}”. The next call in that window is refused with [POLICY DENIED], the rule ${pointer}/limits/${index} and when to retry; a call the server fails gives its quota back.`,
    );
  }
  if (rule.rate_limit !== undefined)
    lines.push(`${toolName} is limited to ${rule.rate_limit} per agent grant.`);
  for (const condition of rule.deny_if ?? []) {
    lines.push(
      `A call whose ${condition.path} is ${condition.op} ${JSON.stringify(condition.value)} is denied${rule.on_deny ? ` (“${rule.on_deny}”)` : ""}; other calls go through.`,
    );
  }
  for (const condition of rule.require ?? []) {
    lines.push(
      `A call must have ${condition.path} ${condition.op} ${JSON.stringify(condition.value)}, else it is denied.`,
    );
  }
  return lines;
}
