import { type Db, findServerBySlugs } from "@toolgate/db";
import { openSecret } from "@toolgate/secrets";
import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";
import type { CachedServer, UpstreamTarget } from "./cached-types";

const storedHeadersSchema = z.record(z.string(), z.string());

/** Loads a server by its slugs and decrypts its upstream headers; null when either slug is unknown. */
export async function loadServer(
  db: Db,
  secretKey: Buffer,
  tenantSlug: string,
  serverSlug: string,
): Promise<CachedServer | null> {
  const server = await findServerBySlugs(db, tenantSlug, serverSlug);
  if (server === null) return null;
  return {
    id: server.id,
    slug: server.slug,
    tenantId: server.tenantId,
    tenantSlug: server.tenant.slug,
    logArgumentValues: server.tenant.logArgumentValues,
    upstream: upstreamTarget(server.url, server.headersSealed, secretKey),
  };
}

function upstreamTarget(url: string, headersSealed: string | null, secretKey: Buffer): UpstreamTarget {
  const parsed = new URL(url);
  return {
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
    headers: headersSealed === null ? {} : openHeaders(headersSealed, secretKey),
  };
}

function openHeaders(sealed: string, secretKey: Buffer): Record<string, string> {
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
