import { type Db, getCurrentPolicy } from "@toolgate/db";
import { compilePolicy, parsePolicy } from "@toolgate/policy-core";
import type { SessionContext } from "../context";
import { listCatalogue } from "./list-catalogue";
import { toolPolicyState } from "./tool-policy-state";

/** A server's catalogue with, per tool, what the published policy decides for it. */
export async function getCatalogue(db: Db, ctx: SessionContext, serverId: string) {
  const tools = await listCatalogue(db, ctx, serverId);
  const current = await getCurrentPolicy(db, ctx.tenantId, serverId);
  const parsed = current === null ? null : parsePolicy(current.document);
  const compiled = parsed?.ok === true ? compilePolicy(parsed.policy) : null;
  return {
    policyVersion: current?.version ?? null,
    tools: tools.map((tool) => ({ ...tool, policy: toolPolicyState(compiled, tool.name) })),
  };
}
