import { createGrant, createServer, revokeGrant } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { generateToken, hashToken } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectClient } from "./support/connect-client";
import { type HeaderCaptureProxy, startHeaderCaptureProxy } from "./support/header-capture-proxy";
import { initializeRequest } from "./support/raw-requests";
import { seedTenant } from "./support/seed-tenant";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const allowAll = { version: "1", default: "allow" };
let upstream: DemoUpstream;
let proxy: HeaderCaptureProxy;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startDemoUpstream({ port: 0 });
  proxy = await startHeaderCaptureProxy(upstream.url);
  gateway = await startTestGateway(testDb, {
    allowedOrigins: ["https://app.toolgate.test"],
    maxBodyBytes: 64 * 1024,
  });
});

afterAll(async () => {
  await gateway?.close();
  await proxy?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

describe("credentials", () => {
  it("never forwards the client's Authorization or Cookie, and sends the server's stored headers", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: proxy.url,
      policy: allowAll,
      upstreamHeaders: { Authorization: "Bearer upstream-secret", "X-Api-Key": "k-123" },
    });
    const before = proxy.seen.length;
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token, {
      Cookie: "session=browser-secret",
    });
    await client.callTool({ name: "ListVms", arguments: {} });
    await client.close();
    const seen = proxy.seen.slice(before);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const headers of seen) {
      expect(headers.authorization).toBe("Bearer upstream-secret");
      expect(headers["x-api-key"]).toBe("k-123");
      expect(headers.cookie).toBeUndefined();
      expect(JSON.stringify(headers)).not.toContain(seeded.token);
    }
  });

  it("accepts the token in the URL and never writes it to the logs", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const client = await connectClient(`${gateway.url}${seeded.path}?token=${seeded.token}`);
    const result = await client.callTool({ name: "ListVms", arguments: {} });
    await client.close();
    expect(result.isError).toBeFalsy();
    const logs = gateway.logLines.join("\n");
    expect(logs).toContain("token=[REDACTED]");
    expect(logs).not.toContain(seeded.token);
  });

  it("stops accepting a revoked grant", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const url = `${gateway.url}${seeded.path}`;
    const auth = { authorization: `Bearer ${seeded.token}` };
    expect((await fetch(url, initializeRequest(auth))).status).toBe(200);
    await revokeGrant(testDb, seeded.tenantId, seeded.grantId);
    await vi.waitFor(async () => expect((await fetch(url, initializeRequest(auth))).status).toBe(401));
  });

  it("accepts a server-bound grant only on its server, and no expired grant", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const sibling = await createServer(testDb, seeded.tenantId, {
      name: "Second Hypervisor",
      url: upstream.url,
      transport: "streamable_http",
      headersSealed: null,
    });
    const siblingPath = `/${seeded.tenantSlug}/${sibling.slug}/mcp`;
    const bound = await fetch(
      `${gateway.url}${siblingPath}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }),
    );
    expect(bound.status).toBe(401);

    const wideToken = generateToken("grt");
    await createGrant(testDb, seeded.tenantId, {
      label: "tenant-wide",
      tokenHash: hashToken(wideToken),
      tokenPrefix: "x",
    });
    const wide = await fetch(
      `${gateway.url}${siblingPath}`,
      initializeRequest({ authorization: `Bearer ${wideToken}` }),
    );
    expect(wide.status).toBe(200);
    await wide.body?.cancel();

    const expiredToken = generateToken("grt");
    await createGrant(testDb, seeded.tenantId, {
      label: "expired",
      tokenHash: hashToken(expiredToken),
      tokenPrefix: "x",
      expiresAt: new Date(Date.now() - 1_000),
    });
    const expired = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${expiredToken}` }),
    );
    expect(expired.status).toBe(401);
  });
});

describe("answers that reveal nothing about other tenants", () => {
  it("answers an unknown tenant, an unknown server and another tenant's server alike", async () => {
    const mine = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const theirs = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const auth = { authorization: `Bearer ${mine.token}` };
    const answers = await Promise.all(
      [
        `/no-such-tenant-${mine.tenantSlug}/${theirs.serverSlug}/mcp`,
        `/${theirs.tenantSlug}/no-such-server/mcp`,
        theirs.path,
      ].map(async (path) => {
        const response = await fetch(`${gateway.url}${path}`, initializeRequest(auth));
        return { status: response.status, body: await response.text() };
      }),
    );
    expect(answers[0]?.status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const badToken = await fetch(
      `${gateway.url}${theirs.path}`,
      initializeRequest({ authorization: "Bearer nope" }),
    );
    expect({ status: badToken.status, body: await badToken.text() }).toEqual(answers[0]);
    expect(answers[0]?.body).toContain("not valid for this gateway URL");
  });

  it("treats a session id used with another grant as an unknown session", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const other = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const init = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }),
    );
    const sessionId = init.headers.get("mcp-session-id");
    await init.body?.cancel();
    expect(sessionId).toMatch(/\./);
    const listBody = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    const stolen = await fetch(
      `${gateway.url}${other.path}`,
      initializeRequest(
        { authorization: `Bearer ${other.token}`, "mcp-session-id": sessionId ?? "" },
        listBody,
      ),
    );
    expect(stolen.status).toBe(404);
    expect(await stolen.text()).toContain("Session not found");
  });
});

describe("request hygiene", () => {
  it("rejects a browser Origin that is not allowed, and accepts an allowed one or none", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const url = `${gateway.url}${seeded.path}`;
    const auth = { authorization: `Bearer ${seeded.token}` };
    const evil = await fetch(url, initializeRequest({ ...auth, origin: "https://evil.example" }));
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain("not allowed");
    const allowed = await fetch(url, initializeRequest({ ...auth, origin: "https://app.toolgate.test" }));
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.toolgate.test");
    expect(allowed.headers.get("access-control-expose-headers")).toContain("mcp-session-id");
    await allowed.body?.cancel();
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: { origin: "https://app.toolgate.test" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("refuses a body over the size limit with 413", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const huge = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "ListVms", arguments: { pad: "x".repeat(100 * 1024) } },
    });
    const response = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }, huge),
    );
    expect(response.status).toBe(413);
  });

  it("refuses a tools/call sent as a notification, which would escape the policy answer", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: upstream.url,
      policy: { version: "1", default: "deny" },
    });
    const notification = JSON.stringify({
      jsonrpc: "2.0",
      method: "tools/call",
      params: { name: "DeleteVm" },
    });
    const response = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }, notification),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("must be a request with an id");
  });

  it("answers bad JSON with a JSON-RPC parse error", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
    const response = await fetch(
      `${gateway.url}${seeded.path}`,
      initializeRequest({ authorization: `Bearer ${seeded.token}` }, "{not json"),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: -32700 } });
  });

  it("denies every call and lists nothing when no policy is published", async () => {
    const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url });
    const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
    expect((await client.listTools()).tools).toEqual([]);
    const result = await client.callTool({ name: "ListVms", arguments: {} });
    await client.close();
    expect(result.isError).toBe(true);
    expect(toolText(result)).toContain("(no policy)");
  });
});

describe("upstream addresses", () => {
  it("refuses private upstreams unless allowed, and cloud metadata addresses always", async () => {
    const strict = await startTestGateway(testDb, { allowPrivateUpstreams: false });
    try {
      const local = await seedTenant(testDb, { upstreamUrl: upstream.url, policy: allowAll });
      const metadata = await seedTenant(testDb, {
        upstreamUrl: "http://169.254.169.254/mcp",
        policy: allowAll,
      });
      const privateAnswer = await fetch(
        `${strict.url}${local.path}`,
        initializeRequest({ authorization: `Bearer ${local.token}` }),
      );
      expect(privateAnswer.status).toBe(502);
      expect(await privateAnswer.text()).toContain("TOOLGATE_ALLOW_PRIVATE_UPSTREAMS");
      // The permissive test gateway still refuses the metadata endpoint.
      const metadataAnswer = await fetch(
        `${gateway.url}${metadata.path}`,
        initializeRequest({ authorization: `Bearer ${metadata.token}` }),
      );
      expect(metadataAnswer.status).toBe(502);
      expect(await metadataAnswer.text()).toContain("169.254.169.254");
    } finally {
      await strict.close();
    }
  });
});
