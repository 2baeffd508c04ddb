import { isIP } from "node:net";

/** Host names the gateway answers to; null when it answers to any (bound publicly with none configured). */
export type HostAllowList = ReadonlySet<string> | null;

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"];

/** Whether the gateway is bound to a loopback address (only this machine can reach it). */
export function isLoopbackBind(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1";
}

/**
 * The Host names accepted (DNS-rebinding protection): the configured public host names, and the
 * localhost names when bound to loopback or published as localhost (e.g. bound to 0.0.0.0 in dev). Bound elsewhere with nothing configured, any Host is accepted
 * (the gateway's public name is unknown); main.ts warns about it.
 */
export function hostAllowList(configured: readonly string[], boundHost: string): HostAllowList {
  const names = new Set(configured.map((name) => name.toLowerCase().replace(/^\[|\]$/g, "")));
  // Bound to loopback, or published under a localhost name: every name of this machine's loopback is the gateway.
  const local = isLoopbackBind(boundHost) || [...names].some(isLoopbackBind);
  if (local) for (const name of LOOPBACK_NAMES) names.add(name);
  return names.size === 0 ? null : names;
}

/** The host name of a Host header, without port or IPv6 brackets; undefined when malformed. */
export function hostnameOf(header: string | undefined): string | undefined {
  if (header === undefined || header === "") return undefined;
  const lower = header.toLowerCase();
  if (lower.startsWith("[")) {
    const end = lower.indexOf("]");
    return end === -1 ? undefined : lower.slice(1, end);
  }
  const colon = lower.indexOf(":");
  return colon === -1 ? lower : lower.slice(0, colon);
}
