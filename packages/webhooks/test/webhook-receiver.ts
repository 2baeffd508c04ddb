// Test support, exported as @toolgate/webhooks/testing for other workspaces' tests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got: headers and raw body. */
export type ReceivedWebhook = { headers: Record<string, string>; body: string };

/**
 * A real HTTP server that records every webhook request; `answer` decides each response
 * (status, or "hang" to hold the request open until the receiver closes).
 */
export async function startWebhookReceiver(
  answer: (request: ReceivedWebhook, index: number) => number | "hang" = () => 200,
): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers[name] = value;
      const request = { headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      const status = answer(request, received.length - 1);
      if (status === "hang") held.push(res);
      else res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
