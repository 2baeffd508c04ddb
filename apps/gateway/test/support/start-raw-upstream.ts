import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RawUpstream = { url: string; requests: number; close(): Promise<void> };

/** A bare HTTP server on an ephemeral port that answers as `handle` says (or never, to play a hung upstream). */
export async function startRawUpstream(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<RawUpstream> {
  const upstream: RawUpstream = { url: "", requests: 0, close: async () => {} };
  const server = createServer((req, res) => {
    upstream.requests += 1;
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  upstream.url = `http://127.0.0.1:${port}/mcp`;
  upstream.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return upstream;
}
