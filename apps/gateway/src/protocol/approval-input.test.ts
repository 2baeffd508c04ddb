import { describe, expect, it } from "vitest";
import { ApprovalQuestions } from "../approvals/approval-question";
import { takeApprovalAnswer } from "./approval-input";

const questions = new ApprovalQuestions(Buffer.alloc(32, 7));

describe("takeApprovalAnswer", () => {
  const state = questions.idFor("apr_1", "grt_1");

  it("takes the gateway's round out and leaves the upstream's input responses", () => {
    const answer = takeApprovalAnswer({
      name: "format_disk",
      arguments: { device: "/dev/sdb" },
      requestState: state,
      inputResponses: { toolgate_approval: { action: "accept" }, upstream_key: { action: "accept" } },
    });
    expect(answer).toEqual({
      requestState: state,
      action: "accept",
      upstreamParams: {
        name: "format_disk",
        arguments: { device: "/dev/sdb" },
        inputResponses: { upstream_key: { action: "accept" } },
      },
    });
  });

  it("drops inputResponses when only the gateway's answer was in it", () => {
    const answer = takeApprovalAnswer({
      name: "t",
      requestState: state,
      inputResponses: { toolgate_approval: {} },
    });
    expect(answer?.upstreamParams).toEqual({ name: "t" });
    expect(answer?.action).toBeUndefined();
  });

  it("leaves an upstream's requestState alone", () => {
    expect(takeApprovalAnswer({ name: "t", requestState: "opaque-upstream-state" })).toBeUndefined();
  });
});

describe("ApprovalQuestions", () => {
  it("accepts a question id only for the grant it was asked of", () => {
    const id = questions.idFor("apr_1", "grt_1");
    expect(questions.approvalOf(id, "grt_1")).toBe("apr_1");
    expect(questions.approvalOf(id, "grt_2")).toBeNull();
    expect(questions.approvalOf(id.replace("apr_1", "apr_2"), "grt_1")).toBeNull();
    expect(new ApprovalQuestions(Buffer.alloc(32, 8)).approvalOf(id, "grt_1")).toBeNull();
  });
});
