import { createGrant, createServer, publishPolicy, setServerToolPrefix, updateGrant } from "@toolgate/db";
import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RecordingUpstream, startRecordingUpstream } from "./security/recording-upstream";
import { connectClient } from "./support/connect-client";
import { type SeededTenant, seedTenant } from "./support/seed-tenant";
import { type LongNameUpstream, startLongNameUpstream } from "./support/start-long-name-upstream";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { statelessClient } from "./support/stateless-client";
import { type StatelessUpstream, startStatelessUpstream } from "./support/stateless-upstream";
import { testDb } from "./support/test-db";
import { toolText } from "./support/tool-text";

const ALLOW_ALL = { version: "1", default: "allow" };

let demo: DemoUpstream;
let recorder: RecordingUpstream;
let longNames: LongNameUpstream;
let files: StatelessUpstream;
let gateway: TestGateway;
let seeded: SeededTenant;
let recorderSlug: string;
let recorderId: string;
let longNamesId: string;
let subsetToken: string;
let subsetGrantId: string;

beforeAll(async () => {
  [demo, recorder, longNames, files] = await Promise.all([
    startDemoUpstream({ port: 0 }),
    startRecordingUpstream(),
    startLongNameUpstream(),
    startStatelessUpstream(),
  ]);
  gateway = await startTestGateway(testDb);
  // "Lab Hypervisor" (slug lab-hypervisor), a recording upstream the subset leaves out, a long-named
  // tool's server prefixed "ln", and a 2026-07-28 stateless server prefixed "fs".
  seeded = await seedTenant(testDb, { upstreamUrl: demo.url, policy: ALLOW_ALL });
  const ids: string[] = [];
  for (const [name, url] of [
    ["Recorder", recorder.url],
    ["Long Names", longNames.url],
    ["Files", files.url],
  ] as const) {
    const server = await createServer(testDb, seeded.tenantId, {
      name,
      url,
      transport: "streamable_http",
      headersSealed: null,
    });
    await publishPolicy(testDb, seeded.tenantId, server.id, { document: ALLOW_ALL });
    ids.push(server.id);
    if (name === "Recorder") recorderSlug = server.slug;
  }
  const [recorder_, longNames_, filesId = ""] = ids;
  recorderId = recorder_ ?? "";
  longNamesId = longNames_ ?? "";
  await setServerToolPrefix(testDb, seeded.tenantId, longNamesId, "ln");
  await setServerToolPrefix(testDb, seeded.tenantId, filesId, "fs");
  subsetToken = generateToken("grt");
  const grant = await createGrant(testDb, seeded.tenantId, {
    label: "lab-and-long-names",
    tokenHash: hashToken(subsetToken),
    tokenPrefix: tokenPrefix(subsetToken),
    subsetServerIds: [seeded.serverId, longNamesId, filesId],
  });
  subsetGrantId = grant.id;
});

afterAll(async () => {
  await gateway?.close();
  await Promise.all([demo?.close(), recorder?.close(), longNames?.close(), files?.close()]);
  await testDb.$disconnect();
});

function tenantUrl(): string {
  return `${gateway.url}/${seeded.tenantSlug}/mcp`;
}

describe("a grant restricted to a subset of servers", () => {
  it("sees only its servers on the tenant URL, and nothing reaches a server outside the subset", async () => {
    const client = await connectClient(tenantUrl(), subsetToken);
    try {
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      expect(names).toContain("lab-hypervisor__ListVms");
      // the long-names server exposes its tools under its own prefix "ln", not its slug
      expect(names.filter((name) => name.startsWith("ln__"))).toHaveLength(1);
      expect(names.some((name) => name.startsWith("long-names__"))).toBe(false);
      expect(names.some((name) => name.startsWith(`${recorderSlug}__`))).toBe(false);
      const listed = await client.callTool({ name: "lab-hypervisor__ListVms", arguments: {} });
      expect(listed.isError).toBeFalsy();
      // a prefixed name of a server outside the subset is unknown here, and is not forwarded
      await expect(client.callTool({ name: `${recorderSlug}__ReadThing`, arguments: {} })).rejects.toThrow(
        /Unknown tool/,
      );
    } finally {
      await client.close();
    }
    expect(recorder.requests).toHaveLength(0);
  });

  it("shows a 2026-07-28 client the same subset, under the server's own prefix", async () => {
    const agent = statelessClient(tenantUrl(), subsetToken);
    const reply = await agent.request("tools/list");
    expect(reply.status).toBe(200);
    const tools = (reply.body.result as { tools: { name: string }[] }).tools.map((tool) => tool.name);
    expect(tools).toContain("fs__read_file");
    expect(tools.some((name) => name.startsWith("files__") || name.startsWith(`${recorderSlug}__`))).toBe(
      false,
    );
    const called = await agent.request("tools/call", {
      name: "fs__read_file",
      arguments: { path: "/etc/motd" },
    });
    expect(called.status).toBe(200);
    expect(files.calls().at(-1)?.params).toMatchObject({ name: "read_file" });
    expect(recorder.requests).toHaveLength(0);
  });

  it("is refused on the per-server URL of a server outside the subset, and accepted on its own", async () => {
    await expect(
      connectClient(`${gateway.url}/${seeded.tenantSlug}/${recorderSlug}/mcp`, subsetToken),
    ).rejects.toThrow(/Unauthorized/);
    expect(recorder.requests).toHaveLength(0);
    const own = await connectClient(`${gateway.url}${seeded.path}`, subsetToken);
    try {
      const result = await own.callTool({ name: "ListVms", arguments: {} });
      expect(toolText(result)).toContain("alpine-ci");
    } finally {
      await own.close();
    }
  });

  it("follows a change of the subset from the next session", async () => {
    await updateGrant(testDb, seeded.tenantId, subsetGrantId, { subsetServerIds: [recorderId] });
    // The change travels by Postgres notification, so the next session may race it by a moment.
    await vi.waitFor(async () => {
      const client = await connectClient(tenantUrl(), subsetToken);
      try {
        const names = (await client.listTools()).tools.map((tool) => tool.name);
        expect(names.sort()).toEqual([`${recorderSlug}__DeleteThing`, `${recorderSlug}__ReadThing`]);
      } finally {
        await client.close();
      }
    });
    await expect(connectClient(`${gateway.url}${seeded.path}`, subsetToken)).rejects.toThrow(/Unauthorized/);
    expect(recorder.rpcMessages().some((message) => message.method === "tools/list")).toBe(true);
  });
});
