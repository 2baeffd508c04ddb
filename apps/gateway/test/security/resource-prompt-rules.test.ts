import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decideApproval, waitForApprovals } from "../support/approvals";
import { connectClient } from "../support/connect-client";
import { seedTenant } from "../support/seed-tenant";
import { startTestGateway, type TestGateway } from "../support/start-test-gateway";
import { testDb } from "../support/test-db";
import { type RecordingUpstream, startRecordingUpstream } from "./recording-upstream";

// A held read may wait longer than the SDK's 60 s default in principle; the tests decide within seconds.
const WAIT = { timeout: 120_000 };

let upstream: RecordingUpstream;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  gateway = await startTestGateway(testDb);
});

beforeEach(() => {
  upstream.requests.length = 0;
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  await testDb.$disconnect();
});

async function tenantWith(policy: unknown) {
  const seeded = await seedTenant(testDb, { upstreamUrl: upstream.url, policy });
  const client = await connectClient(`${gateway.url}${seeded.path}`, seeded.token);
  return { seeded, client };
}

const reads = () =>
  upstream
    .rpcMessages()
    .filter((message) => message.method === "resources/read")
    .map((message) => message.params?.uri);

describe("resource and prompt listings follow each tenant's own rules", () => {
  it("leaves out hidden and denied resources, templates and prompts, while another tenant of the same upstream sees all", async () => {
    const strict = await tenantWith({
      version: "1",
      default: "allow",
      hide: ["resource:file:///etc/*", "prompt:secret_*"],
      resources: { "file:///logs/*": { action: "deny" } },
    });
    const open = await tenantWith({ version: "1", default: "allow" });
    const listings = async (client: typeof strict.client) => ({
      resources: (await client.listResources()).resources.map((resource) => resource.uri),
      templates: (await client.listResourceTemplates()).resourceTemplates.map(
        (template) => template.uriTemplate,
      ),
      prompts: (await client.listPrompts()).prompts.map((prompt) => prompt.name),
    });
    const strictView = await listings(strict.client);
    const openView = await listings(open.client);

    expect(strictView).toEqual({
      resources: ["file:///public/readme.md"],
      templates: ["file:///public/docs/{page}"],
      prompts: ["greeting"],
    });
    expect(openView).toEqual({
      resources: ["file:///public/readme.md", "file:///etc/passwd"],
      templates: ["file:///logs/{name}", "file:///public/docs/{page}"],
      prompts: ["greeting", "secret_prompt"],
    });
    // The listings came from the upstream each time and were filtered on the way back, per tenant.
    const listed = upstream.rpcMessages().filter((message) => message.method === "resources/list");
    expect(listed).toHaveLength(2);

    // What the listing leaves out cannot be read either, and the upstream is not asked.
    await expect(strict.client.readResource({ uri: "file:///etc/passwd" })).rejects.toThrow(
      /\[POLICY DENIED\].*\(hidden\)/,
    );
    await expect(strict.client.readResource({ uri: "file:///logs/app.log" })).rejects.toThrow(
      "/resources/file:~1~1~1logs~1*",
    );
    await expect(
      strict.client.getPrompt({ name: "secret_prompt", arguments: { topic: "x" } }),
    ).rejects.toThrow(/POLICY DENIED/);
    await strict.client.close();
    await open.client.close();
    expect(reads()).toEqual([]);
    expect(upstream.rpcMessages().some((message) => message.method === "prompts/get")).toBe(false);
  });
});

describe("resources/read under require_approval", () => {
  const POLICY = {
    version: "1",
    default: "deny",
    resources: { "file:///etc/*": { action: "require_approval", approval: { timeout: "10m" } } },
  };

  it("holds the read until a reviewer approves, then forwards it once", async () => {
    const { seeded, client } = await tenantWith(POLICY);
    upstream.requests.length = 0;
    const held = client.readResource({ uri: "file:///etc/passwd" }, WAIT);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    expect(approval).toMatchObject({
      status: "pending",
      tool: "resource:file:///etc/passwd",
      rule: "/resources/file:~1~1~1etc~1*",
    });
    // Held: the upstream has not been asked for the resource.
    expect(reads()).toEqual([]);

    await decideApproval(testDb, approval, "approved");
    const result = await held;
    await client.close();
    expect(JSON.stringify(result.contents)).toContain("root:x:0:0");
    expect(reads()).toEqual(["file:///etc/passwd"]);
  });

  it("never forwards a read the reviewer denies", async () => {
    const { seeded, client } = await tenantWith(POLICY);
    upstream.requests.length = 0;
    const held = client.readResource({ uri: "file:///etc/passwd" }, WAIT);
    const [approval] = await waitForApprovals(testDb, seeded.tenantId);
    if (approval === undefined) throw new Error("no approval");
    await decideApproval(testDb, approval, "denied", "not this file");
    await expect(held).rejects.toThrow(/\[POLICY DENIED\].*not this file/);
    await client.close();
    expect(reads()).toEqual([]);
  });
});
