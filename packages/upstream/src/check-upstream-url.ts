import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { addressKind, isBlockedAddress } from "./is-blocked-address";
import { UpstreamError } from "./upstream-error";

/** Options shared by everything that connects to an upstream. */
export type AddressPolicy = {
  /** Self-hosted/dev mode: allow private and loopback addresses (metadata endpoints stay blocked). */
  allowPrivateAddresses: boolean;
};

/**
 * Parses an upstream URL and refuses it unless it is http(s) and every address its host resolves to
 * is allowed (SSRF guard). Odd IPv4 spellings are normalised by the URL parser before the check.
 */
export async function checkUpstreamUrl(url: string | URL, policy: AddressPolicy): Promise<URL> {
  const parsed = parseUpstreamUrl(url);
  const host = hostOf(parsed);
  const addresses = isIP(host) === 0 ? await resolveHost(host) : [host];
  for (const address of addresses) assertAllowedAddress(address, host, policy);
  return parsed;
}

/** Throws `blocked_address` when the policy forbids connecting to this IP. */
export function assertAllowedAddress(address: string, host: string, policy: AddressPolicy): void {
  if (!isBlockedAddress(address, policy)) return;
  const isPrivate = addressKind(address) === "private";
  const what = isPrivate ? "a private or loopback address" : "a reserved or internal address";
  const subject = host === address ? `${address} is` : `${host} resolves to ${address},`;
  const hint = isPrivate
    ? " Self-hosted installs can allow them with TOOLGATE_ALLOW_PRIVATE_UPSTREAMS=1."
    : "";
  throw new UpstreamError("blocked_address", `${subject} ${what}; Toolgate does not connect to it.${hint}`);
}

/** Resolves every address of a host name, turning resolver failures into `dns` errors. */
export async function resolveHost(host: string): Promise<string[]> {
  try {
    const results = await lookup(host, { all: true, verbatim: true });
    if (results.length === 0) throw new Error("no addresses");
    return results.map((result) => result.address);
  } catch (cause) {
    throw new UpstreamError("dns", `Could not resolve host ${host}. Check the server address for typos.`, {
      cause,
    });
  }
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

function parseUpstreamUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new UpstreamError(
      "bad_url",
      `"${String(url)}" is not a valid URL. Use the form https://host/path.`,
      {
        cause,
      },
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new UpstreamError(
      "bad_url",
      `Only http:// and https:// server URLs are supported, not ${parsed.protocol}//.`,
    );
  }
  if (parsed.hostname === "") throw new UpstreamError("bad_url", `"${parsed.href}" has no host name.`);
  return parsed;
}
