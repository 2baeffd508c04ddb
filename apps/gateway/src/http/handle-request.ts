import type { IncomingMessage, ServerResponse } from "node:http";
import { parseTenantPath } from "../aggregate/tenant-path";
import { type AuthContext, authenticate } from "../auth/authenticate";
import { extractToken } from "../auth/extract-token";
import { metadataPathOf } from "../auth/oauth-verifier";
import { redactUrl } from "../auth/redact-url";
import { GatewayError } from "../errors/gateway-error";
import { serveMetrics } from "../metrics/serve-metrics";
import { allowOrigin, answerPreflight } from "./cors";
import type { GatewayServices } from "./gateway-services";
import { handleMcp } from "./handle-mcp";
import { type HostAllowList, hostnameOf } from "./host-allow-list";
import { parseMcpPath } from "./mcp-path";
import { sendError, sendJson } from "./send";

/** Which browser origins and Host names the gateway answers; hosts are known once it listens. */
export type RequestGuards = { allowedOrigins: ReadonlySet<string>; allowedHosts: HostAllowList };

/** Routes one HTTP request: origin and host checks, health, MCP path, authentication, then the MCP exchange. */
export async function handleRequest(
  services: GatewayServices,
  guards: RequestGuards,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { allowedOrigins, allowedHosts } = guards;
  const startedAt = performance.now();
  const url = req.url ?? "/";
  if (services.logger.isLevelEnabled("debug")) {
    services.logger.debug({ method: req.method, url: redactUrl(url) }, "request");
  }
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  // DNS-rebinding protection: a page on another name that resolves to the gateway gets nothing.
  if (allowedHosts !== null && pathname !== "/healthz") {
    const hostname = hostnameOf(req.headers.host);
    if (hostname === undefined || !allowedHosts.has(hostname)) {
      const message = `Host '${req.headers.host ?? ""}' is not served by this gateway; use its configured address.`;
      sendError(res, new GatewayError("misdirected_host", message), services.logger);
      return;
    }
  }
  const origin = req.headers.origin;
  // A browser page may only reach the gateway from an allowed origin, or from the gateway's own
  // (same-origin) once its Host was checked above.
  if (origin !== undefined) {
    const sameOrigin = allowedHosts !== null && originHost(origin) === req.headers.host?.toLowerCase();
    if (!sameOrigin && !allowedOrigins.has(origin)) {
      const error = new GatewayError("forbidden_origin", `Origin '${origin}' is not allowed.`);
      sendError(res, error, services.logger);
      return;
    }
    if (req.method === "OPTIONS") {
      answerPreflight(res, origin);
      return;
    }
    allowOrigin(res, origin);
  }
  if (pathname === "/healthz") {
    // Still 200 with Redis or Postgres away: unlimited tools keep working, cached grants keep being served.
    const redis = services.mode === "single-node" ? "none" : services.limiter.health();
    const postgres = services.storeHealth.state();
    const status = redis === "degraded" || postgres === "degraded" ? "degraded" : "ok";
    const callLogs = await services.callLogHealth.read();
    sendJson(res, 200, JSON.stringify({ status, mode: services.mode, redis, postgres, callLogs }));
    return;
  }
  const metadataOf = metadataPathOf(pathname);
  const metadataPath = metadataOf === null ? null : parseMcpPath(metadataOf);
  if (metadataPath !== null && services.oauth !== null) {
    sendJson(res, 200, JSON.stringify(services.oauth.metadata(metadataPath, req.headers.host)));
    return;
  }
  const tenantSlug = parseTenantPath(pathname);
  if (tenantSlug !== null) {
    const token = extractToken(req.headers.authorization, queryAt === -1 ? "" : url.slice(queryAt + 1));
    await services.aggregate.handle(req, res, { tenantSlug, token, nowMs: services.clock.now() });
    return;
  }
  if (pathname === "/metrics" && services.metricsToken !== undefined) {
    // On the public listener only with a token; TOOLGATE_METRICS_PORT serves them on a listener of their own.
    await serveMetrics(services.metrics, services.metricsToken, req, res);
    return;
  }
  const path = parseMcpPath(pathname);
  if (path === null) {
    const message =
      "Not found: gateway URLs look like /<tenant-slug>/mcp or /<tenant-slug>/<server-slug>/mcp.";
    sendError(res, new GatewayError("not_found", message), services.logger);
    return;
  }
  const nowMs = services.clock.now();
  const token = extractToken(req.headers.authorization, queryAt === -1 ? "" : url.slice(queryAt + 1));
  let auth: AuthContext;
  try {
    auth = await authenticate(services.cache, {
      ...path,
      token,
      nowMs,
      oauth: services.oauth,
      host: req.headers.host,
    });
  } catch (error) {
    // RFC 9728: the 401 tells an OAuth client where to learn how to sign in.
    if (services.oauth !== null && error instanceof GatewayError && error.code === "unauthorized") {
      res.setHeader(
        "www-authenticate",
        services.oauth.challenge(path, req.headers.host, token !== undefined),
      );
    }
    sendError(res, error, services.logger);
    return;
  }
  await handleMcp(services, req, res, auth, startedAt, nowMs);
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
