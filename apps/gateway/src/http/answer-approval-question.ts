import { GatewayError } from "../errors/gateway-error";
import type { JsonRpcMessage } from "../jsonrpc/parse-message";
import type { Exchange } from "./exchange";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The client's answer to an in-band approval question (its response to the gateway's
 * `elicitation/create`): never forwarded; it decides the approval when it comes from the grant
 * the question was asked of. Accept approves the held call (which then runs once); decline or
 * cancel denies it. An error answer leaves the approval to the team.
 */
export async function answerApprovalQuestion(exchange: Exchange, message: JsonRpcMessage): Promise<void> {
  const { auth, services, draft, res } = exchange;
  const id = typeof message.id === "string" ? message.id : "";
  const approvalId = services.questions.approvalOf(id, auth.grant.id);
  if (approvalId === null) {
    throw new GatewayError("bad_request", "This answer is not for an approval question asked of this grant.");
  }
  draft.method = "elicitation/create (answer)";
  const action = isRecord(message.result) ? message.result.action : undefined;
  if (action !== "accept" && action !== "decline" && action !== "cancel") {
    draft.message = `The client could not answer approval ${approvalId}; it stays with the team.`;
    services.logger.info({ approvalId, grantId: auth.grant.id }, draft.message);
    res.writeHead(202).end();
    return;
  }
  const accepted = action === "accept";
  const decided = await services.approvals.answerInBand(
    { tenantId: auth.server.tenantId, grantId: auth.grant.id, approvalId },
    accepted,
  );
  draft.message = decided
    ? `${auth.grant.label} ${accepted ? "approved" : "declined"} approval ${approvalId} in their MCP client.`
    : `Approval ${approvalId} was no longer pending when ${auth.grant.label} answered.`;
  services.logger.info({ approvalId, grantId: auth.grant.id, action, decided }, "in-band approval answer");
  res.writeHead(202).end();
}
