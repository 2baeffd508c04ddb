import { type AddressPolicy, checkUpstreamUrl } from "@toolgate/upstream";

/**
 * Refuses a webhook URL under the same SSRF rules as upstream servers (private, loopback, metadata,
 * odd IPv4 spellings), throwing the upstream package's UpstreamError with a clear message. The worker
 * checks every connection again, so DNS rebinding is refused too.
 */
export async function assertWebhookUrl(url: string, policy: AddressPolicy): Promise<URL> {
  return checkUpstreamUrl(url, policy);
}
