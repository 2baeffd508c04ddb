import { type Db, getCurrentPolicy, getServer } from "@toolgate/db";
import {
  compilePolicy,
  type Decision,
  evaluateCall,
  explainDecision,
  type PolicyIssue,
  parsePolicy,
} from "@toolgate/policy-core";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

export const simulateCallInputSchema = z.object({
  tool: z.string().trim().min(1, "Name the tool to call.").max(200),
  args: z.record(z.string(), z.unknown()).default({}),
  // A draft to try instead of the published policy.
  document: z.unknown().optional(),
  grantId: z.string().max(100).optional(),
  sessionId: z.string().max(200).optional(),
});

export type SimulateCallInput = z.infer<typeof simulateCallInputSchema>;

export type SimulationResult =
  | { ok: true; policyVersion: number | null; decision: Decision; explanation: string }
  | { ok: false; issues: PolicyIssue[] };

/**
 * What the policy would decide for one `tools/call`, with a plain-language explanation.
 * Limits are reported, not counted: a simulation never spends anyone's budget.
 */
export async function simulatePolicy(
  db: Db,
  ctx: SessionContext,
  serverId: string,
  input: SimulateCallInput,
): Promise<SimulationResult> {
  assertCan(ctx, "read");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const current = input.document === undefined ? await getCurrentPolicy(db, ctx.tenantId, server.id) : null;
  if (input.document === undefined && current === null) {
    throw new AppError(
      "not_found",
      "This server has no published policy; pass a draft document to simulate.",
    );
  }
  const parsed = parsePolicy(input.document ?? current?.document);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const compiled = compilePolicy(parsed.policy);
  const call = {
    tool: input.tool,
    args: input.args,
    tenantId: ctx.tenantId,
    serverId: server.id,
    grantId: input.grantId ?? "grt_simulated",
    sessionId: input.sessionId,
  };
  const decision = evaluateCall(compiled, call);
  return {
    ok: true,
    policyVersion: current?.version ?? null,
    decision,
    explanation: explainDecision(compiled, call, decision),
  };
}
