import { questionParams } from "../approvals/approval-question";
import type { HeldCall } from "../approvals/hold-channel";
import type { JsonRpcMessage, RequestId } from "../jsonrpc/parse-message";
import { approvalInputRequired, takeApprovalAnswer } from "../protocol/approval-input";
import { canElicitForm } from "../protocol/client-capabilities";
import { statelessCapabilities } from "../protocol/protocol-revision";
import type { Exchange } from "./exchange";
import { sendJson } from "./send";

/** Whether a stateless client can be asked in-band: it declared form elicitation in this request's `_meta`. */
export function canAskInline(exchange: Exchange, message: JsonRpcMessage): boolean {
  return exchange.revision === "stateless" && canElicitForm(statelessCapabilities(message));
}

/**
 * A stateless call re-sent with the answer to the gateway's approval question: records the answer
 * (if the question was asked of this grant), and returns the body the upstream gets, without the
 * gateway's round, and the approval answered. The call itself is then evaluated again like any
 * other; the answered approval decides it only if it is about this exact call.
 */
export async function takeStatelessAnswer(
  exchange: Exchange,
  message: JsonRpcMessage,
  body: Buffer,
): Promise<{ body: Buffer; answeredApprovalId?: string }> {
  if (exchange.revision !== "stateless") return { body };
  const answer = takeApprovalAnswer(message.params);
  if (answer === undefined) return { body };
  const { auth, services } = exchange;
  const approvalId = services.questions.approvalOf(answer.requestState, auth.grant.id);
  if (
    approvalId !== null &&
    (answer.action === "accept" || answer.action === "decline" || answer.action === "cancel")
  ) {
    const decided = await services.approvals.answerInBand(
      { tenantId: auth.server.tenantId, grantId: auth.grant.id, approvalId },
      answer.action === "accept",
    );
    services.logger.info(
      { approvalId, grantId: auth.grant.id, action: answer.action, decided },
      "in-band approval answer",
    );
  }
  const stripped = Buffer.from(JSON.stringify({ ...message, params: answer.upstreamParams }));
  return approvalId === null ? { body: stripped } : { body: stripped, answeredApprovalId: approvalId };
}

/** Answers a stateless call whose approval the user must give: an InputRequiredResult with the question. */
export function askInline(
  exchange: Exchange,
  id: RequestId,
  ask: { approvalId: string; expiresAt: Date; call: HeldCall },
): void {
  const { auth, services, draft, res } = exchange;
  const question = questionParams(ask.approvalId, ask.call, ask.expiresAt);
  const requestState = services.questions.idFor(ask.approvalId, auth.grant.id);
  draft.message = `Asked the person using the agent to approve (approval ${ask.approvalId}).`;
  sendJson(
    res,
    200,
    JSON.stringify({ jsonrpc: "2.0", id, result: approvalInputRequired(question, requestState) }),
  );
}
