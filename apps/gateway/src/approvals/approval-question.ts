import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "toolgate-approval";
const MAC_LENGTH = 22;

/** What the person at the client is asked about: the exact call and the rule that holds it. */
export type QuestionedCall = { tool: string; args: Record<string, unknown>; rule: string };

/**
 * The in-band approval question (approval "by": "user"): an `elicitation/create` request the gateway
 * sends on the held call's stream. Its JSON-RPC id names the approval and carries a MAC over the
 * approval and the grant, so the answer is accepted only from that grant's client and only for a
 * question the gateway asked, on whichever gateway replica it arrives.
 */
export class ApprovalQuestions {
  private readonly key: Buffer;

  constructor(secretKey: Buffer) {
    this.key = createHmac("sha256", secretKey).update("toolgate:approval-question:v1").digest();
  }

  /** The id of the question about `approvalId` asked of `grantId`'s client. */
  idFor(approvalId: string, grantId: string): string {
    return `${PREFIX}:${approvalId}:${this.mac(approvalId, grantId)}`;
  }

  /** Whether a JSON-RPC id is one of the gateway's approval questions (for any grant). */
  static isQuestionId(id: unknown): id is string {
    return typeof id === "string" && id.startsWith(`${PREFIX}:`);
  }

  /** The approval a question id names, if the gateway asked it of this grant; null otherwise. */
  approvalOf(id: string, grantId: string): string | null {
    const [prefix, approvalId, mac, ...rest] = id.split(":");
    if (prefix !== PREFIX || approvalId === undefined || mac === undefined || rest.length > 0) return null;
    const given = Buffer.from(mac);
    const expected = Buffer.from(this.mac(approvalId, grantId));
    return given.length === expected.length && timingSafeEqual(given, expected) ? approvalId : null;
  }

  /** The elicitation/create request asking the user to approve `call`. */
  request(
    approvalId: string,
    grantId: string,
    call: QuestionedCall,
    expiresAt: Date,
  ): Record<string, unknown> {
    return {
      jsonrpc: "2.0",
      id: this.idFor(approvalId, grantId),
      method: "elicitation/create",
      params: questionParams(approvalId, call, expiresAt),
    };
  }

  private mac(approvalId: string, grantId: string): string {
    return createHmac("sha256", this.key)
      .update(`${grantId}|${approvalId}`)
      .digest("base64url")
      .slice(0, MAC_LENGTH);
  }
}

/** The params of the elicitation/create question: the text, an empty form, and the approval in `_meta`. */
export function questionParams(
  approvalId: string,
  call: QuestionedCall,
  expiresAt: Date,
): Record<string, unknown> {
  return {
    message: questionText(call, expiresAt),
    requestedSchema: { type: "object", properties: {} },
    _meta: { "dev.toolgate/approval": { approvalId, tool: call.tool, rule: call.rule } },
  };
}

/** The question as the person reads it: the tool, the exact arguments, the rule, what accepting does. */
export function questionText(call: QuestionedCall, expiresAt: Date): string {
  return [
    `Your agent wants to call the tool '${call.tool}' with these exact arguments:`,
    JSON.stringify(call.args, null, 2),
    `The policy rule ${call.rule} requires your approval. Accept to run this call once; decline to refuse it.`,
    `The request expires at ${expiresAt.toISOString()}.`,
  ].join("\n\n");
}
