import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayMetrics } from "./gateway-metrics";

/**
 * Answers a scrape: with a token configured, only `Authorization: Bearer <token>` gets the metrics
 * (compared in constant time); without one, everyone who can reach the listener does.
 */
export async function serveMetrics(
  metrics: GatewayMetrics,
  token: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
    res
      .writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' })
      .end("Metrics need Authorization: Bearer <TOOLGATE_METRICS_TOKEN>.\n");
    return;
  }
  if (req.method !== "GET") {
    res.writeHead(405, { "content-type": "text/plain", allow: "GET" }).end("Use GET.\n");
    return;
  }
  const { contentType, body } = await metrics.render();
  res.writeHead(200, { "content-type": contentType }).end(body);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (match?.[1] === undefined) return false;
  // Hashing first gives equal lengths, so the comparison leaks nothing about the token's length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1].trim()), digest(token));
}
