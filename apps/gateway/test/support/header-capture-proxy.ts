import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type HeaderCaptureProxy = { url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> };

/** A tiny reverse proxy that records the headers of every request it passes on to `target`. */
export async function startHeaderCaptureProxy(target: string): Promise<HeaderCaptureProxy> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer(async (req, res) => {
    seen.push({ ...req.headers });
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) {
        headers.set(name, value);
      }
    }
    const reply = await fetch(target, {
      method: req.method,
      headers,
      body: chunks.length === 0 ? undefined : Buffer.concat(chunks),
    });
    res.writeHead(reply.status, Object.fromEntries(reply.headers));
    if (reply.body === null) res.end();
    else Readable.fromWeb(reply.body).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
