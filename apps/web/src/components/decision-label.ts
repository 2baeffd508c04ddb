/** How each logged decision reads in the dashboard: one word per outcome, the same everywhere. */
// The stored values, as the API and filters spell them, with spaces for underscores.
const labels: Record<string, string> = {
  allow: "allow",
  approved: "approved",
  deny: "deny",
  rate_limited: "rate limited",
  approval_pending: "approval pending",
  error: "error",
};

/** The label of a decision value (`error`: the upstream failed a call the policy let through). */
export function decisionLabel(decision: string): string {
  return labels[decision] ?? decision.replaceAll("_", " ");
}

/** The decision filter's options: `approval_pending` finds every call sent for approval. */
export function decisionFilterLabel(decision: string): string {
  return decision === "approval_pending" ? "sent for approval" : decisionLabel(decision);
}

/** What each decision means, for filter hints and the detail drawer. */
export const decisionHelp: Record<string, string> = {
  allow: "The policy let the call through and the upstream answered.",
  approved: "A reviewer approved the held call and the upstream answered.",
  deny: "A policy rule (or a reviewer) refused the call; the upstream never saw it.",
  rate_limited: "A limit was used up; the agent is told when to retry.",
  approval_pending: "Sent for approval (the filter finds every held call, whatever was decided).",
  error:
    "The policy let the call through but the upstream failed it (tool error, JSON-RPC error or HTTP ≥ 500).",
};
