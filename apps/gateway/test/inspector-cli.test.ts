import { type DemoUpstream, startDemoUpstream } from "@toolgate/demo-upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInspector } from "./support/run-inspector";
import { seedTenant } from "./support/seed-tenant";
import { type EverythingServer, startEverything } from "./support/start-everything";
import { startTestGateway, type TestGateway } from "./support/start-test-gateway";
import { testDb } from "./support/test-db";

let demo: DemoUpstream;
let everything: EverythingServer;
let gateway: TestGateway;

beforeAll(async () => {
  [demo, everything, gateway] = await Promise.all([
    startDemoUpstream({ port: 0 }),
    startEverything(),
    startTestGateway(testDb),
  ]);
});

afterAll(async () => {
  await gateway?.close();
  await everything?.close();
  await demo?.close();
  await testDb.$disconnect();
});

describe("@modelcontextprotocol/inspector --cli through the gateway", () => {
  it("lists and calls server-everything's tools exactly as it does directly", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: everything.url,
      policy: { version: "1", default: "allow" },
    });
    const url = `${gateway.url}${seeded.path}`;
    const [direct, relayed] = await Promise.all([
      runInspector(everything.url, ["--method", "tools/list"]),
      runInspector(url, ["--method", "tools/list"], seeded.token),
    ]);
    expect(relayed).toEqual(direct);
    const echo = ["--method", "tools/call", "--tool-name", "echo", "--tool-arg", "message=via inspector"];
    expect(await runInspector(url, echo, seeded.token)).toEqual(await runInspector(everything.url, echo));
  });

  it("sees the demo upstream filtered by the canonical policy", async () => {
    const seeded = await seedTenant(testDb, {
      upstreamUrl: demo.url,
      policy: { version: "1", default: "deny", tools: { MountIso: {} } },
    });
    const listed = await runInspector(
      `${gateway.url}${seeded.path}`,
      ["--method", "tools/list"],
      seeded.token,
    );
    expect(listed).toMatchObject({ tools: [{ name: "MountIso" }] });
    const mounted = await runInspector(
      `${gateway.url}${seeded.path}`,
      [
        "--method",
        "tools/call",
        "--tool-name",
        "MountIso",
        "--tool-arg",
        "vm_name=alpine-ci",
        "iso_path=/srv/isos/alpine-virt-3.20.3-x86_64.iso",
      ],
      seeded.token,
    );
    expect(JSON.stringify(mounted)).toContain("alpine-virt-3.20.3");
    // A denied tool is not listed, so the inspector refuses to call it: listing and enforcement agree.
    await expect(
      runInspector(
        `${gateway.url}${seeded.path}`,
        ["--method", "tools/call", "--tool-name", "ListVms"],
        seeded.token,
      ),
    ).rejects.toThrow("tool_not_found");
  });
});
