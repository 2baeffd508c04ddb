import { type Db, getServer, listTools } from "@toolgate/db";
import { type LintWarning, lintPolicy, type PolicyIssue, parsePolicy } from "@toolgate/policy-core";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

export type PolicyDocumentCheck = { valid: boolean; issues: PolicyIssue[]; warnings: LintWarning[] };

/**
 * Validates a policy document for a server: schema errors with JSON pointers, and for a valid
 * document the lint warnings against the server's catalogue (names that match no tool…).
 */
export async function checkPolicyDocument(
  db: Db,
  ctx: SessionContext,
  serverId: string,
  document: unknown,
): Promise<PolicyDocumentCheck> {
  assertCan(ctx, "read");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const parsed = parsePolicy(document);
  if (!parsed.ok) return { valid: false, issues: parsed.issues, warnings: [] };
  const tools = await listTools(db, ctx.tenantId, server.id);
  return { valid: true, issues: [], warnings: lintPolicy(parsed.policy, tools) };
}
