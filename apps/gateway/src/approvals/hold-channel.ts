import type { Approver } from "@toolgate/policy-core";
import type { CallStream } from "../http/call-stream";
import type { HeldApproval } from "./approval-gate";
import type { ApprovalQuestions, QuestionedCall } from "./approval-question";

/** What a held call's channel needs to know about it. */
export type HeldCall = QuestionedCall & { by: Approver };

export type HoldChannelOptions = {
  stream: CallStream;
  grantId: string;
  /** The client's progress token for this call, if it gave one: keep-alive progress goes to it. */
  progressToken: string | number | undefined;
  keepAliveMs: number;
  /** Set when the client can be asked in-band (it declared form elicitation and reads the call's stream). */
  questions: ApprovalQuestions | undefined;
  /** Why the client cannot be asked, for the agent, when `questions` is unset. */
  cannotAskReason: string;
};

/**
 * Reaches out while a call is held: asks the person at the client when the rule says `by: "user"`
 * and the client can be asked, and sends progress notifications (if the client gave a progress
 * token) so clients that reset their request timeout on progress keep waiting for the answer.
 */
export class HoldChannel {
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;
  /** Set when a `by: "user"` approval went to the team because the client could not be asked. */
  fellBack = false;

  constructor(private readonly options: HoldChannelOptions) {}

  /** The call is now held on `held`; returns who was asked to decide. */
  held(held: HeldApproval, call: HeldCall): Approver {
    const { stream, questions, progressToken, keepAliveMs } = this.options;
    const askUser = call.by === "user" && questions !== undefined;
    this.fellBack = call.by === "user" && !askUser;
    if (askUser) stream.send(questions.request(held.approvalId, this.options.grantId, call, held.expiresAt));
    if (progressToken !== undefined) {
      const message = this.progressMessage(held, call, askUser);
      const tick = () => {
        this.ticks += 1;
        stream.send({
          jsonrpc: "2.0",
          method: "notifications/progress",
          params: { progressToken, progress: this.ticks, message },
        });
      };
      tick();
      this.timer = setInterval(tick, keepAliveMs);
    }
    return askUser ? "user" : "team";
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private progressMessage(held: HeldApproval, call: HeldCall, askUser: boolean): string {
    const pending = `approval ${held.approvalId}, expires ${held.expiresAt.toISOString()}`;
    if (askUser) return `Waiting for you to approve this call to '${call.tool}' in your client (${pending}).`;
    if (this.fellBack) {
      return `${this.options.cannotAskReason} The team was asked instead: waiting for a reviewer to approve this call to '${call.tool}' (${pending}).`;
    }
    return `Waiting for a reviewer to approve this call to '${call.tool}' (${pending}).`;
  }
}
