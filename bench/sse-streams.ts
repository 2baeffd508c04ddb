// Memory of idle SSE streams through one gateway process: opens N Streamable HTTP sessions (initialize,
// notifications/initialized) and each session's standalone GET SSE stream, through the gateway to the raw
// echo upstream (which holds GET streams open, idle). Samples the gateway's RSS, V8 heap used, external
// memory and open file descriptors before, with all streams open, and after closing them (DELETE), and
// prints a markdown table with the cost per stream.
// The per-tenant stream cap (TOOLGATE_MAX_STREAMS_PER_TENANT, default 64) is raised for this gateway process
// only, through its environment; the defaults are untouched.
// Needs Postgres and Redis (DATABASE_URL, REDIS_URL). Run from the repo root:
//   node --import tsx bench/sse-streams.ts
//   (BENCH_STREAMS=2000 BENCH_TENANTS=1 BENCH_OPEN_CONCURRENCY=32 BENCH_SETTLE_SECONDS=5 BENCH_LINGER_SECONDS=65
//    BENCH_COMPILED=1)
import { randomBytes } from "node:crypto";
import { Agent, type ClientRequest, type IncomingMessage, request } from "node:http";
import {
  databaseUrl,
  gatewayHeap,
  loadAverage,
  markdownTable,
  openFds,
  rssBytes,
  runToEnd,
  startGateway,
  startRawEchoProcess,
  stopAll,
} from "./support/bench-processes";

const streamCount = Number(process.env.BENCH_STREAMS ?? 2000);
const tenantCount = Number(process.env.BENCH_TENANTS ?? 1);
const openConcurrency = Number(process.env.BENCH_OPEN_CONCURRENCY ?? 32);
const settleSeconds = Number(process.env.BENCH_SETTLE_SECONDS ?? 5);
const lingerSeconds = Number(process.env.BENCH_LINGER_SECONDS ?? 65);
const PROTOCOL_VERSION = "2025-06-18";

type Tenant = { path: string; token: string };
type Snapshot = {
  rss: number;
  heapUsed: number;
  external: number;
  gatewayFds: number;
  upstreamRss: number;
  upstreamFds: number;
};
type Stream = { session: string; tenant: Tenant; request: ClientRequest; closed: boolean };

async function main(): Promise<void> {
  const upstream = await startRawEchoProcess({ RAW_ECHO_GET_STREAMS: "1" });
  const prefix = `sse-${randomBytes(4).toString("hex")}`;
  const { tenants } = JSON.parse(
    await runToEnd(
      [
        "--import",
        "tsx",
        "apps/gateway/scripts/seed-scale.ts",
        "tenants",
        upstream.url,
        String(tenantCount),
        prefix,
      ],
      { DATABASE_URL: databaseUrl() },
    ),
  ) as { tenants: Tenant[] };
  try {
    const perTenant = Math.ceil(streamCount / tenantCount);
    const gatewayEnv = { TOOLGATE_MAX_STREAMS_PER_TENANT: String(Math.max(64, perTenant + openConcurrency)) };
    const gateway = await startGateway(gatewayEnv);
    const client = new StreamClient(gateway.base);
    const snapshot = async (): Promise<Snapshot> => {
      const heap = await gatewayHeap(gateway.metrics);
      return {
        rss: rssBytes(gateway.pid),
        heapUsed: heap.heapUsed,
        external: heap.external,
        gatewayFds: openFds(gateway.pid),
        upstreamRss: rssBytes(upstream.pid),
        upstreamFds: openFds(upstream.pid),
      };
    };
    const pickTenant = (i: number) => tenants[i % tenants.length] as Tenant;
    // Warm-up: code paths, caches and pools exercised once by a few streams, opened and closed.
    const warm = await openStreams(client, 50, openConcurrency, pickTenant);
    await closeStreams(client, warm, openConcurrency);
    await sleep(settleSeconds * 1000);
    const before = await snapshot();
    const opening = performance.now();
    const streams = await openStreams(client, streamCount, openConcurrency, pickTenant);
    const openSeconds = (performance.now() - opening) / 1000;
    await sleep(settleSeconds * 1000);
    const open = await snapshot();
    const dropped = streams.filter((stream) => stream.closed).length;
    await closeStreams(client, streams, openConcurrency);
    await sleep(settleSeconds * 1000);
    const after = await snapshot();
    client.close();
    // Idle keep-alive connections to the upstream (its Keep-Alive hint: 60 s) have timed out by then.
    await sleep(lingerSeconds * 1000);
    const later = await snapshot();
    printTable(before, open, [after, later], { openSeconds, dropped, gatewayEnv });
  } finally {
    await stopAll();
    await runToEnd(["--import", "tsx", "apps/gateway/scripts/seed-scale.ts", "cleanup", prefix], {
      DATABASE_URL: databaseUrl(),
    });
  }
}

/** Opens `count` sessions with their GET streams, `concurrency` at a time. */
async function openStreams(
  client: StreamClient,
  count: number,
  concurrency: number,
  pick: (i: number) => Tenant,
): Promise<Stream[]> {
  const streams: Stream[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const tenant = pick(next++);
        streams.push(await client.openStream(tenant));
      }
    }),
  );
  return streams;
}

async function closeStreams(client: StreamClient, streams: Stream[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < streams.length) {
        const stream = streams[next++] as Stream;
        stream.request.destroy();
        await client.deleteSession(stream);
      }
    }),
  );
}

/** A Streamable HTTP client on node:http: keep-alive sockets for POST and DELETE, one socket per GET stream. */
class StreamClient {
  private readonly url: URL;
  private readonly posts = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly gets = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  private nextId = 1;

  constructor(base: string) {
    this.url = new URL(base);
  }

  async openStream(tenant: Tenant): Promise<Stream> {
    const init = await this.send(tenant, "POST", undefined, {
      jsonrpc: "2.0",
      id: this.nextId++,
      method: "initialize",
      params: {
        protocolVersion: PROTOCOL_VERSION,
        capabilities: {},
        clientInfo: { name: "sse-bench", version: "1.0.0" },
      },
    });
    const session = init.headers["mcp-session-id"];
    if (init.status !== 200 || typeof session !== "string") {
      throw new Error(`initialize failed: HTTP ${init.status} ${init.body.slice(0, 300)}`);
    }
    const notified = await this.send(tenant, "POST", session, {
      jsonrpc: "2.0",
      method: "notifications/initialized",
    });
    if (notified.status !== 202) throw new Error(`notifications/initialized: HTTP ${notified.status}`);
    return new Promise((resolve, reject) => {
      const stream: Stream = {
        session,
        tenant,
        request: undefined as unknown as ClientRequest,
        closed: false,
      };
      stream.request = request(
        {
          agent: this.gets,
          host: this.url.hostname,
          port: Number(this.url.port),
          path: tenant.path,
          method: "GET",
          headers: { ...this.headers(tenant, session), accept: "text/event-stream" },
        },
        (res) => {
          if (res.statusCode !== 200 || !String(res.headers["content-type"]).includes("text/event-stream")) {
            reject(new Error(`GET stream refused: HTTP ${res.statusCode}`));
            res.resume();
            return;
          }
          stream.request.setTimeout(0);
          res.on("data", () => {});
          res.once("close", () => {
            stream.closed = true;
          });
          resolve(stream);
        },
      );
      // A stream whose headers do not come within 10 s fails the bench instead of hanging it.
      stream.request.setTimeout(10_000, () =>
        stream.request.destroy(new Error("no GET stream headers within 10 s")),
      );
      stream.request.on("error", (error) => {
        stream.closed = true;
        reject(error);
      });
      stream.request.end();
    });
  }

  async deleteSession(stream: Stream): Promise<void> {
    await this.send(stream.tenant, "DELETE", stream.session, undefined);
  }

  close(): void {
    this.posts.destroy();
    this.gets.destroy();
  }

  private headers(tenant: Tenant, session: string | undefined): Record<string, string> {
    return {
      authorization: `Bearer ${tenant.token}`,
      "mcp-protocol-version": PROTOCOL_VERSION,
      ...(session === undefined ? {} : { "mcp-session-id": session }),
    };
  }

  private send(
    tenant: Tenant,
    method: "POST" | "DELETE",
    session: string | undefined,
    message: object | undefined,
  ): Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }> {
    const body = message === undefined ? "" : JSON.stringify(message);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.posts,
          host: this.url.hostname,
          port: Number(this.url.port),
          path: tenant.path,
          method,
          headers: {
            ...this.headers(tenant, session),
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }
}

function printTable(
  before: Snapshot,
  open: Snapshot,
  [after, later]: [Snapshot, Snapshot],
  run: { openSeconds: number; dropped: number; gatewayEnv: Record<string, string> },
): void {
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const perStream = (bytes: number) => `${(bytes / streamCount / 1024).toFixed(1)} KiB`;
  const rows = [
    [
      "",
      "gateway RSS MB",
      "gateway heap used MB",
      "gateway external MB",
      "gateway open fds",
      "upstream RSS MB",
      "upstream open fds",
    ],
  ];
  const row = (name: string, s: Snapshot) => [
    name,
    mb(s.rss),
    mb(s.heapUsed),
    mb(s.external),
    String(s.gatewayFds),
    mb(s.upstreamRss),
    String(s.upstreamFds),
  ];
  rows.push(row("before (after a 50-stream warm-up)", before));
  rows.push(row(`${streamCount.toLocaleString("en")} idle GET streams open`, open));
  rows.push(row(`${settleSeconds} s after closing them (DELETE)`, after));
  rows.push(row(`${settleSeconds + lingerSeconds} s after closing them`, later));
  rows.push([
    "per open stream",
    perStream(open.rss - before.rss),
    perStream(open.heapUsed - before.heapUsed),
    perStream(open.external - before.external),
    ((open.gatewayFds - before.gatewayFds) / streamCount).toFixed(2),
    perStream(open.upstreamRss - before.upstreamRss),
    ((open.upstreamFds - before.upstreamFds) / streamCount).toFixed(2),
  ]);
  console.log(
    `\n${streamCount.toLocaleString("en")} sessions with an idle GET SSE stream each, over ${tenantCount} tenant(s), opened ${openConcurrency} at a time in ${run.openSeconds.toFixed(1)} s (${(streamCount / run.openSeconds).toFixed(0)} sessions+streams/s); ${run.dropped} dropped while open; samples ${settleSeconds} s after each step; gateway env ${JSON.stringify(run.gatewayEnv)}; load average at the end ${loadAverage()}\n`,
  );
  console.log(markdownTable(rows));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

await main();
