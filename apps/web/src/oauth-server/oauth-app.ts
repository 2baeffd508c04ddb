import type { IncomingMessage, ServerResponse } from "node:http";
import { type Db, getTenantBySlug } from "@toolgate/db";
import type Provider from "oidc-provider";
import { WindowRateLimiter } from "./rate-limit";
import { createTenantProvider, type TenantProviderOptions } from "./tenant-provider";

// /oauth/<tenant>/… is the provider; RFC 8414 and OIDC discovery also live at the origin's well-known paths.
const PROVIDER_PATH = /^\/oauth\/([a-z0-9][a-z0-9-]*)(\/.*)?$/;
const WELL_KNOWN_PATH =
  /^\/\.well-known\/(?:oauth-authorization-server|openid-configuration)\/oauth\/([a-z0-9][a-z0-9-]*)$/;

/** The HTTP handler of the authorization servers of every tenant, one oidc-provider per tenant. */
export function createOAuthApp(options: TenantProviderOptions & { db: Db; requestsPerMinute?: number }) {
  type Handler = ReturnType<Provider["callback"]>;
  const providers = new Map<string, Handler>();
  const limiter = new WindowRateLimiter(options.requestsPerMinute ?? 120, 60_000);

  const providerFor = async (slug: string): Promise<Handler | null> => {
    const known = providers.get(slug);
    if (known !== undefined) return known;
    const tenant = await getTenantBySlug(options.db, slug);
    if (tenant === null) return null;
    const handler = createTenantProvider(options, tenant).callback();
    providers.set(slug, handler);
    return handler;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://internal");
    if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
    const wellKnown = WELL_KNOWN_PATH.exec(url.pathname);
    const match = wellKnown ?? PROVIDER_PATH.exec(url.pathname);
    const slug = match?.[1];
    if (slug === undefined) return sendJson(res, 404, { error: "not_found" });
    const client = String(req.headers["x-forwarded-for"] ?? req.socket.remoteAddress ?? "")
      .split(",")[0]
      ?.trim();
    if (!limiter.take(`${slug}:${client}`, Date.now())) {
      res.setHeader("retry-after", "60");
      return sendJson(res, 429, {
        error: "rate_limited",
        error_description: "Too many requests; retry in a minute.",
      });
    }
    const handle = await providerFor(slug);
    if (handle === null)
      return sendJson(res, 404, { error: "not_found", error_description: "Unknown organisation." });
    const rest = wellKnown === null ? (match?.[2] ?? "/") : "/.well-known/openid-configuration";
    // oidc-provider finds its mount path by comparing originalUrl with url, as under Express.
    Object.assign(req, { originalUrl: `/oauth/${slug}${rest}${url.search}` });
    req.url = `${rest}${url.search}`;
    handle(req, res);
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
