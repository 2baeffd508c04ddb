// The bare server of bench/burst-floor.ts: node:http with nothing behind it. A POST to /hold is read and
// then held open (as the gateway holds a call waiting for approval or a hung upstream); any other POST
// is answered at once with a small JSON-RPC result. Preload bench/support/loop-probe.mjs to record its
// event-loop stalls. Usage: node --import tsx bench/support/bare-http-server.ts <port>
//   → "listening on port <port>" (stderr)
import { createServer } from "node:http";

const port = Number(process.argv[2]);
const ANSWER = JSON.stringify({ jsonrpc: "2.0", id: 1, result: { content: [{ type: "text", text: "ok" }] } });

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url === "/hold") return;
    res.writeHead(200, { "content-type": "application/json" }).end(ANSWER);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", 4_096, () => console.error(`listening on port ${port}`));
