import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decideApproval, waitForApprovals } from "./support/approvals";
import { seedTenant } from "./support/seed-tenant";
import { type JsonUpstream, startJsonUpstream } from "./support/start-json-upstream";
import { type RawUpstream, startRawUpstream } from "./support/start-raw-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

const allowAll = { version: "1", default: "allow" };
let gateway: TestGateway;
let streaming: RawUpstream;
let json: JsonUpstream;
/** GET streams the streaming upstream currently holds open. */
let openStreams = 0;

function streamForever(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET") {
    res.writeHead(202).end();
    return;
  }
  openStreams += 1;
  res.writeHead(200, { "content-type": "text/event-stream" });
  // One comment, then silence: an idle stream.
  res.write(": open\n\n");
  res.on("close", () => {
    openStreams -= 1;
  });
}

beforeAll(async () => {
  streaming = await startRawUpstream(streamForever);
  json = await startJsonUpstream();
  gateway = await startTestGateway(testDb, {
    maxStreamsPerTenant: 2,
    maxHeldApprovalsPerTenant: 2,
    streamIdleMs: 1_500,
  });
});

afterAll(async () => {
  await gateway?.close();
  await streaming?.close();
  await json?.close();
  await testDb.$disconnect();
});

function openStream(path: string, token: string, signal: AbortSignal): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    headers: { accept: "text/event-stream", authorization: `Bearer ${token}` },
    signal,
  });
}

describe("fair share between tenants", () => {
  it("listens with an accept queue deep enough for one client's burst of a thousand connections", () => {
    // Node's default backlog (511) overflowed under such a burst, and the kernel then dropped new
    // connections of every tenant. The kernel shows a listening socket's backlog as its Send-Q.
    const port = new URL(gateway.url).port;
    const listening = execFileSync("ss", ["-ltnH", `sport = :${port}`], { encoding: "utf8" }).trim();
    const backlog = Number(listening.split(/\s+/)[2]);
    const somaxconn = Number(readFileSync("/proc/sys/net/core/somaxconn", "utf8"));
    expect(backlog).toBe(Math.min(4_096, somaxconn));
  });

  it("caps one tenant's open GET streams without touching another tenant's", async () => {
    const noisy = await seedTenant(testDb, { upstreamUrl: streaming.url, policy: allowAll });
    const quiet = await seedTenant(testDb, { upstreamUrl: streaming.url, policy: allowAll });
    const abort = new AbortController();
    try {
      const first = await openStream(noisy.path, noisy.token, abort.signal);
      const second = await openStream(noisy.path, noisy.token, abort.signal);
      expect([first.status, second.status]).toEqual([200, 200]);
      const before = streaming.requests;
      const third = await openStream(noisy.path, noisy.token, abort.signal);
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("5");
      expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(
        /Too many open GET streams for this organisation \(limit 2\)/,
      );
      // Refused before reaching the upstream.
      expect(streaming.requests).toBe(before);
      const other = await openStream(quiet.path, quiet.token, abort.signal);
      expect(other.status).toBe(200);
      // Closing a stream frees its slot.
      await first.body?.cancel();
      await vi.waitFor(async () => {
        const again = await openStream(noisy.path, noisy.token, abort.signal);
        expect(again.status).toBe(200);
      });
    } finally {
      abort.abort();
    }
  });

  it("closes a GET stream the upstream left idle, at the upstream too", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: streaming.url, policy: allowAll });
    const abort = new AbortController();
    try {
      const before = openStreams;
      const response = await openStream(seeded.path, seeded.token, abort.signal);
      expect(response.status).toBe(200);
      const reader = response.body?.getReader();
      if (reader === undefined) throw new Error("no body");
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toBe(": open\n\n");
      // Nothing more comes; the gateway ends the stream instead of holding it (and a tenant slot) forever.
      await expect(
        (async () => {
          for (;;) {
            const next = await reader.read();
            if (next.done) return "ended";
          }
        })(),
      ).rejects.toThrow();
      await vi.waitFor(() => expect(openStreams).toBe(before));
    } finally {
      abort.abort();
    }
  });

  it("passes on the headers of a GET stream the upstream keeps silent, before any event", async () => {
    // An upstream that opens the stream (headers only) and never sends an event, as idle MCP servers do.
    const silent = await startRawUpstream((req, res) => {
      if (req.method !== "GET") return void res.writeHead(202).end();
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.flushHeaders();
    });
    const seeded = await seedTenant(testDb, { upstreamUrl: silent.url, policy: allowAll });
    const abort = new AbortController();
    try {
      // fetch resolves on the response headers: without them the client could not tell the stream is open.
      const response = await openStream(seeded.path, seeded.token, abort.signal);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream");
    } finally {
      abort.abort();
      await silent.close();
    }
  });

  it("caps one tenant's calls held for approval; the upstream never sees the refused one", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: json.url,
      policy: {
        version: "1",
        default: "deny",
        tools: { greet: { action: "require_approval", approval: { timeout: "10m" } } },
      },
    });
    const call = (n: number) =>
      fetch(`${gateway.url}${seeded.path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          authorization: `Bearer ${seeded.token}`,
        },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: n,
          method: "tools/call",
          params: { name: "greet", arguments: { n } },
        }),
      });
    const callsBefore = json.calls();
    const held = [call(1), call(2)];
    const approvals = await waitForApprovals(testDb, seeded.tenantId, 2);
    const third = (await (await call(3)).json()) as {
      result: { content: { text: string }[]; isError: boolean };
    };
    expect(third.result.isError).toBe(true);
    expect(third.result.content[0]?.text).toMatch(
      /Too many calls of this organisation are waiting for approval \(limit 2\)/,
    );
    expect(await testDb.approval.count({ where: { tenantId: seeded.tenantId } })).toBe(2);
    // Deciding one frees a slot: the call runs, and a new call may be held again.
    const [one, two] = approvals;
    if (one === undefined || two === undefined) throw new Error("approvals missing");
    await decideApproval(testDb, one, "approved");
    await decideApproval(testDb, two, "denied");
    await Promise.all(held.map(async (pending) => (await pending).body?.cancel()));
    expect(json.calls() - callsBefore).toBe(1);
    const fourth = call(4);
    const [, , next] = await waitForApprovals(testDb, seeded.tenantId, 3);
    if (next === undefined) throw new Error("fourth call was not held");
    await decideApproval(testDb, next, "denied");
    await (await fourth).body?.cancel();
  });
});
