import { findGrantByTokenHash, findUserByEmail, getCurrentPolicy, listMemberships } from "@toolgate/db";
import { parsePolicyJson } from "@toolgate/policy-core";
import { hashToken } from "@toolgate/secrets";
import { signUp } from "../accounts/sign-up";
import { AppError } from "../app-error";
import type { SessionContext } from "../context";
import type { Deps as AppDeps } from "../deps";
import { createGrant } from "../grants/create-grant";
import { publishPolicy } from "../policies/publish-policy";
import { addServer } from "../servers/add-server";
import { gatewayUrlFor } from "../servers/gateway-url";
import { listServers } from "../servers/list-servers";
import { stableJson } from "./stable-json";

// Seeding runs outside the web server: it needs no login rate limiter.
type Deps = Omit<AppDeps, "loginRateLimiter" | "webhooks">;

const DEMO_SERVER = "virtualization";
const DEMO_GRANT = "demo-agent";

export type SeedDemoOptions = {
  // demo@toolgate.dev and "Demo" in the product; tests use their own so they stay isolated.
  email: string;
  organisationName: string;
  password: string;
  upstreamUrl: string;
  dashboardUrl: string;
  policyText: string;
  // The token from the previous run's output, reused while its grant is still active.
  previousToken: string | null;
};

export type DemoDetails = {
  dashboardUrl: string;
  login: { email: string; password: string };
  gatewayUrl: string;
  token: string;
  serverSlug: string;
  tenantSlug: string;
};

async function ensureDemoAccount(deps: Deps, options: SeedDemoOptions) {
  const existing = await findUserByEmail(deps.db, options.email);
  if (existing === null) {
    const { email, password, organisationName } = options;
    const account = await signUp(deps.db, { email, password, organisationName });
    return {
      ctx: { userId: account.userId, tenantId: account.tenantId, role: account.role },
      slug: account.tenantSlug,
    };
  }
  const [membership] = await listMemberships(deps.db, existing.id);
  if (membership === undefined) throw new AppError("no_membership", `${options.email} has no organisation.`);
  const ctx: SessionContext = { userId: existing.id, tenantId: membership.tenantId, role: membership.role };
  return { ctx, slug: membership.tenant.slug };
}

async function ensureDemoServer(deps: Deps, ctx: SessionContext, upstreamUrl: string) {
  const servers = await listServers(deps.db, ctx);
  const existing = servers.find((server) => server.slug === DEMO_SERVER);
  if (existing !== undefined) return existing;
  // The demo upstream runs on this machine, so private addresses are allowed for it alone.
  const { server } = await addServer({ ...deps, allowPrivateUpstreams: true }, ctx, {
    name: DEMO_SERVER,
    url: upstreamUrl,
    headers: [],
  });
  return server;
}

async function ensurePolicy(deps: Deps, ctx: SessionContext, serverId: string, policyText: string) {
  const parsed = parsePolicyJson(policyText);
  if (!parsed.ok) throw new AppError("invalid_input", "The demo policy fixture does not validate.");
  const current = await getCurrentPolicy(deps.db, ctx.tenantId, serverId);
  if (current !== null && stableJson(current.document) === stableJson(parsed.policy)) return current.version;
  const result = await publishPolicy(deps.db, ctx, {
    serverId,
    documentText: policyText,
    baseVersion: current?.version ?? null,
    message: "Demo seed",
  });
  if (!result.ok) throw new AppError("invalid_input", "The demo policy fixture does not validate.");
  return result.version;
}

async function ensureGrant(deps: Deps, ctx: SessionContext, serverId: string, previousToken: string | null) {
  if (previousToken !== null) {
    const grant = await findGrantByTokenHash(deps.db, hashToken(previousToken));
    const usable =
      grant !== null &&
      grant.tenantId === ctx.tenantId &&
      grant.label === DEMO_GRANT &&
      grant.revokedAt === null &&
      (grant.expiresAt === null || grant.expiresAt > new Date());
    if (usable) return previousToken;
  }
  const { token } = await createGrant(deps.db, ctx, { label: DEMO_GRANT, serverId });
  return token;
}

/**
 * Makes sure the demo organisation, its virtualization server, the canonical policy and a
 * demo-agent grant exist, through the same services as the dashboard. Safe to run again.
 */
export async function seedDemo(deps: Deps, options: SeedDemoOptions): Promise<DemoDetails> {
  const { ctx, slug } = await ensureDemoAccount(deps, options);
  const server = await ensureDemoServer(deps, ctx, options.upstreamUrl);
  await ensurePolicy(deps, ctx, server.id, options.policyText);
  const token = await ensureGrant(deps, ctx, server.id, options.previousToken);
  return {
    dashboardUrl: options.dashboardUrl,
    login: { email: options.email, password: options.password },
    gatewayUrl: gatewayUrlFor(deps.gatewayUrl, slug, server.slug),
    token,
    serverSlug: server.slug,
    tenantSlug: slug,
  };
}
