// The floor under the gateway's cost per call: a pass-through HTTP proxy on the same stack (node:http in
// front, an undici keep-alive pool behind) that reads each request body, sends it upstream, reads the
// answer and writes it back, with no authentication, policy, limits or logging. The gateway cannot cost
// less per call than this on the same machine. Run as its own process (the bench measures its CPU):
//   node --import tsx bench/support/passthrough-proxy.ts <port> <upstream URL>  → "listening on port <port>" (stderr)
import { createServer, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { Pool } from "undici";

const REQUEST_HEADERS = ["accept", "content-type", "mcp-session-id", "mcp-protocol-version", "last-event-id"];
const RESPONSE_HEADERS = ["content-type", "mcp-session-id"];

const [portArg, upstreamArg] = process.argv.slice(2);
if (portArg === undefined || upstreamArg === undefined) {
  throw new Error("usage: passthrough-proxy.ts <port> <upstream URL>");
}
const upstream = new URL(upstreamArg);
const pool = new Pool(upstream.origin, { keepAliveTimeout: 30_000, pipelining: 1 });

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const server = createServer(async (req, res) => {
  try {
    const body = req.method === "POST" ? await readBody(req) : undefined;
    const headers: Record<string, string> = {};
    for (const name of REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const reply = await pool.request({
      path: upstream.pathname,
      method: req.method as "POST" | "GET" | "DELETE",
      headers,
      body,
    });
    const answer = Buffer.from(await reply.body.arrayBuffer());
    const out: OutgoingHttpHeaders = {};
    for (const name of RESPONSE_HEADERS) {
      const value = reply.headers[name];
      if (typeof value === "string") out[name] = value;
    }
    res.writeHead(reply.statusCode, out).end(answer);
  } catch (error) {
    res.writeHead(502).end(String(error));
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(portArg), "127.0.0.1", () => console.error(`listening on port ${portArg}`));
