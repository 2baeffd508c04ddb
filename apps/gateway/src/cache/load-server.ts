import { type Db, findServerBySlugs } from "@toolgate/db";
import { openSecret, type SecretKeyInput } from "@toolgate/secrets";
import { type AddressPolicy, checkUpstreamUrl, UpstreamError } from "@toolgate/upstream";
import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";
import type { CachedServer, UpstreamTarget } from "./cached-types";

const storedHeadersSchema = z.record(z.string(), z.string());

/** Loads a server by its slugs and decrypts its upstream headers; null when either slug is unknown. */
export async function loadServer(
  db: Db,
  options: { secretKey: SecretKeyInput; addressPolicy: AddressPolicy; allowStdio: boolean },
  tenantSlug: string,
  serverSlug: string,
): Promise<CachedServer | null> {
  const server = await findServerBySlugs(db, tenantSlug, serverSlug);
  if (server === null) return null;
  const headers = server.headersSealed === null ? {} : openHeaders(server.headersSealed, options.secretKey);
  return {
    id: server.id,
    slug: server.slug,
    tenantId: server.tenantId,
    tenantSlug: server.tenant.slug,
    logArgumentValues: server.tenant.logArgumentValues,
    upstream:
      server.transport === "stdio"
        ? stdioTarget(server.url, headers, options.allowStdio)
        : await httpTarget(server.transport, server.url, headers, options.addressPolicy),
  };
}

async function httpTarget(
  transport: "streamable_http" | "sse",
  url: string,
  headers: Record<string, string>,
  addressPolicy: AddressPolicy,
): Promise<UpstreamTarget> {
  const parsed = new URL(url);
  return {
    transport,
    url,
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
    headers,
    blocked: await blockedReason(url, addressPolicy),
  };
}

// Stored "headers" of a stdio server are its environment variables (API keys and the like).
function stdioTarget(url: string, env: Record<string, string>, allowStdio: boolean): UpstreamTarget {
  const blocked = allowStdio
    ? null
    : "This server runs as a local process (stdio), which this gateway does not allow; self-hosted installs enable it with TOOLGATE_ALLOW_STDIO=1.";
  return { transport: "stdio", url, origin: "stdio:", path: url, headers: env, blocked };
}

// Checked when the server is (re)loaded, i.e. at most once per cache lifetime, not per call; the
// upstream pools check the address again at every connect (guarded DNS lookup).
async function blockedReason(url: string, addressPolicy: AddressPolicy): Promise<string | null> {
  try {
    await checkUpstreamUrl(url, addressPolicy);
    return null;
  } catch (error) {
    if (error instanceof UpstreamError) return error.message;
    throw error;
  }
}

function openHeaders(sealed: string, secretKey: SecretKeyInput): Record<string, string> {
  try {
    const headers = storedHeadersSchema.parse(JSON.parse(openSecret(sealed, secretKey)));
    // Lower-cased once so they merge predictably with the protocol headers on every request.
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  } catch (error) {
    throw new GatewayError(
      "upstream_unavailable",
      "The server's stored upstream credentials could not be read; ask an admin to re-enter them.",
      { cause: error },
    );
  }
}
