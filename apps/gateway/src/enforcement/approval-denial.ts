import type { ApprovalOutcome } from "../approvals/approval-gate";

// Said when a `by: "user"` approval could not be asked in the client and went to the team.
const FELL_BACK =
  " Your client cannot be asked to approve calls (it did not declare form elicitation), so the team was asked instead.";

/** Why a held call did not run, in the words the agent sees. */
export function approvalDenialReason(
  tool: string,
  outcome: Exclude<ApprovalOutcome, { kind: "approved" }>,
  timeoutSeconds: number,
  fellBack = false,
): string {
  return baseReason(tool, outcome, timeoutSeconds) + (fellBack ? FELL_BACK : "");
}

function baseReason(
  tool: string,
  outcome: Exclude<ApprovalOutcome, { kind: "approved" }>,
  timeoutSeconds: number,
): string {
  switch (outcome.kind) {
    case "denied":
      return outcome.reason === null || outcome.reason === ""
        ? `A reviewer denied this call to '${tool}' (approval ${outcome.approvalId}).`
        : `A reviewer denied this call to '${tool}' (approval ${outcome.approvalId}): ${outcome.reason}`;
    case "expired":
      return `No one approved this call to '${tool}' within ${timeoutSeconds}s, so it was not run (approval ${outcome.approvalId} expired). Calling again asks for a new approval.`;
    case "used_elsewhere":
      return `Approval ${outcome.approvalId} was already used by another identical call; an approval runs one call. Calling again asks for a new approval.`;
    case "abandoned":
      return `The client left while this call to '${tool}' awaited approval ${outcome.approvalId}; retrying the identical call resumes it.`;
  }
}
