import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a receiver got: headers and body. */
export type ReceivedWebhook = { headers: Record<string, string>; body: string };

/** A local HTTP server standing in for a Slack incoming webhook: it records every POST and answers 200. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers[name] = value;
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/slack`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
