import type { Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** One step of the first-run checklist, done or not, read from the tenant's real state. */
export type FirstRunStep = {
  id: "server" | "policy" | "grant" | "call";
  title: string;
  description: string;
  href: string;
  action: string;
  done: boolean;
};

/** The first-run checklist: register a server → publish a policy → create a grant → first call seen. */
export async function getFirstRun(db: Db, ctx: SessionContext): Promise<FirstRunStep[]> {
  assertCan(ctx, "read");
  const tenantId = ctx.tenantId;
  const [server, policy, grant, call] = await Promise.all([
    db.server.findFirst({ where: { tenantId }, select: { id: true }, orderBy: { createdAt: "asc" } }),
    db.policy.findFirst({ where: { tenantId, currentVersion: { not: null } }, select: { id: true } }),
    db.grant.findFirst({ where: { tenantId }, select: { id: true } }),
    db.callLog.findFirst({ where: { tenantId, method: "tools/call" }, select: { id: true } }),
  ]);
  const builderHref = server === null ? "/servers" : `/servers/${server.id}/policy`;
  return [
    {
      id: "server",
      title: "Register an MCP server",
      description: "Give Toolgate the server's URL; it reads the tools and classifies their risk.",
      href: "/servers",
      action: "Add a server",
      done: server !== null,
    },
    {
      id: "policy",
      title: "Publish a policy",
      description: "Until a policy is published every tool call is denied. Start from the recommended one.",
      href: builderHref,
      action: "Open the policy builder",
      done: policy !== null,
    },
    {
      id: "grant",
      title: "Create a grant",
      description: "A labelled token for one agent, with config snippets for Claude, Cursor and VS Code.",
      href: "/grants",
      action: "Create a grant",
      done: grant !== null,
    },
    {
      id: "call",
      title: "See the first call",
      description: "Point the agent at the gateway URL; its first tool call shows up in the logs.",
      href: "/logs",
      action: "Open the logs",
      done: call !== null,
    },
  ];
}
