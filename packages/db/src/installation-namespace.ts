import { createHash } from "node:crypto";

/**
 * A short name for one installation, derived from its database (host, port and name), so two
 * installations sharing a Redis keep their queues and keys apart. Every process of one installation
 * must see the same value: set TOOLGATE_NAMESPACE explicitly when they reach the database by
 * different URLs.
 */
export function installationNamespace(databaseUrl: string, explicit?: string): string {
  if (explicit !== undefined && explicit !== "") return explicit;
  const url = new URL(databaseUrl);
  const host = url.hostname === "localhost" ? "127.0.0.1" : url.hostname.toLowerCase();
  const identity = `${host}:${url.port || "5432"}/${decodeURIComponent(url.pathname.slice(1))}`;
  return createHash("sha256").update(identity).digest("hex").slice(0, 12);
}
