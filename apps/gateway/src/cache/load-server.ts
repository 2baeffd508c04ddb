import { type Db, findServerBySlugs } from "@toolgate/db";
import { openSecret } from "@toolgate/secrets";
import { type AddressPolicy, checkUpstreamUrl, UpstreamError } from "@toolgate/upstream";
import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";
import type { CachedServer } from "./cached-types";

const storedHeadersSchema = z.record(z.string(), z.string());

/** Loads a server by its slugs and decrypts its upstream headers; null when either slug is unknown. */
export async function loadServer(
  db: Db,
  options: { secretKey: Buffer; addressPolicy: AddressPolicy },
  tenantSlug: string,
  serverSlug: string,
): Promise<CachedServer | null> {
  const server = await findServerBySlugs(db, tenantSlug, serverSlug);
  if (server === null) return null;
  const parsed = new URL(server.url);
  return {
    id: server.id,
    slug: server.slug,
    tenantId: server.tenantId,
    tenantSlug: server.tenant.slug,
    logArgumentValues: server.tenant.logArgumentValues,
    upstream: {
      origin: parsed.origin,
      path: `${parsed.pathname}${parsed.search}`,
      headers: server.headersSealed === null ? {} : openHeaders(server.headersSealed, options.secretKey),
      blocked: await blockedReason(server.url, options.addressPolicy),
    },
  };
}

// Checked when the server is (re)loaded, i.e. at most once per cache lifetime, not per call.
// TODO(upstream): also refuse blocked addresses at connect time (DNS rebinding) once
// @toolgate/upstream exports its guarded lookup.
async function blockedReason(url: string, addressPolicy: AddressPolicy): Promise<string | null> {
  try {
    await checkUpstreamUrl(url, addressPolicy);
    return null;
  } catch (error) {
    if (error instanceof UpstreamError) return error.message;
    throw error;
  }
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
