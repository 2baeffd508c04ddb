import { ApprovalQuestions } from "../approvals/approval-question";

/** The key of the gateway's own input request in an InputRequiredResult (and of its answer). */
export const APPROVAL_INPUT_KEY = "toolgate_approval";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The InputRequiredResult asking the person at a stateless (2026-07-28) client to approve a call:
 * one elicitation input request, and the question id as the opaque requestState the client sends
 * back with its answer when it re-sends the call.
 */
export function approvalInputRequired(
  question: Record<string, unknown>,
  requestState: string,
): Record<string, unknown> {
  return {
    resultType: "input_required",
    inputRequests: { [APPROVAL_INPUT_KEY]: { method: "elicitation/create", params: question } },
    requestState,
  };
}

/** A re-sent call answering the gateway's question: the state, the answer, and the params the upstream gets. */
export type ApprovalAnswer = {
  requestState: string;
  action: unknown;
  upstreamParams: Record<string, unknown>;
};

/**
 * Takes the gateway's own round out of a re-sent stateless call: its requestState and its input
 * response never reach the upstream (which never asked). Undefined when the call carries neither.
 */
export function takeApprovalAnswer(params: unknown): ApprovalAnswer | undefined {
  if (!isRecord(params) || !ApprovalQuestions.isQuestionId(params.requestState)) return undefined;
  const { requestState, inputResponses, ...rest } = params;
  const responses = isRecord(inputResponses) ? { ...inputResponses } : {};
  const answer = responses[APPROVAL_INPUT_KEY];
  delete responses[APPROVAL_INPUT_KEY];
  const upstreamParams = Object.keys(responses).length > 0 ? { ...rest, inputResponses: responses } : rest;
  return { requestState, action: isRecord(answer) ? answer.action : undefined, upstreamParams };
}
