import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A bare HTTP server on 127.0.0.1 with the given handler, for non-MCP answers (HTML, 401, redirects, silence). */
export async function startPlainHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const probe = await startPlainHttpServer((_req, res) => res.end());
  await probe.close();
  return probe.port;
}
