import type { Logger } from "pino";
import type { UpstreamTarget } from "../cache/cached-types";
import { sendUpstream } from "./send-upstream";
import type { UpstreamPools } from "./upstream-pools";

/** Ends an upstream session with a DELETE, as a client would; failures are only logged (it may be gone already). */
export async function terminateSession(
  pools: UpstreamPools,
  logger: Logger,
  target: UpstreamTarget,
  upstreamId: string,
): Promise<void> {
  try {
    const reply = await sendUpstream(pools, target, {
      method: "DELETE",
      headers: { ...target.headers, "mcp-session-id": upstreamId },
      signal: AbortSignal.timeout(10_000),
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
    });
    await reply.body.dump();
  } catch (error) {
    logger.debug({ err: error, origin: target.origin }, "could not end an idle upstream session");
  }
}
