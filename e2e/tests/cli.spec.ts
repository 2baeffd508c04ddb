import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { e2eEnv } from "../support/env";
import { connectAgent } from "../support/mcp-client";

const canonicalFile = fileURLToPath(new URL("../fixtures/canonical-policy.json", import.meta.url));
const toolgateBin = fileURLToPath(new URL("../../packages/cli/bin/toolgate.mjs", import.meta.url));

type DemoWithApi = { apiKey: string; apiUrl: string; serverSlug: string; gatewayUrl: string; token: string };

/** Runs the real `toolgate` bin against the running dashboard with the demo's admin API key. */
function toolgate(args: string[], demo: DemoWithApi) {
  const home = mkdtempSync(join(tmpdir(), "toolgate-e2e-"));
  const result = spawnSync(process.execPath, [toolgateBin, ...args], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: home,
      TOOLGATE_URL: e2eEnv.webUrl,
      TOOLGATE_API_KEY: demo.apiKey,
    },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("CLI: push the canonical policy, an agent through the gateway follows it, pull returns it unchanged", async () => {
  // The seed adds the API URL and an admin API key to the demo details.
  const demo = JSON.parse(
    readFileSync(process.env.E2E_DEMO_JSON ?? "../.toolgate/demo.json", "utf8"),
  ) as DemoWithApi;
  expect(demo.apiKey).toMatch(/^tg_key_/);

  await test.step("policy validate of a broken file exits non-zero with the field path (offline)", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "toolgate-e2e-")), "broken.json");
    writeFileSync(
      broken,
      JSON.stringify({ version: "1", default: "deny", tools: { MountIso: { action: "maybe" } } }),
    );
    const result = spawnSync(process.execPath, [toolgateBin, "policy", "validate", broken], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: tmpdir() },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("/tools/MountIso/action");
  });

  await test.step("a permissive policy first, so the push below is a real change", () => {
    const permissive = join(mkdtempSync(join(tmpdir(), "toolgate-e2e-")), "allow.json");
    writeFileSync(permissive, JSON.stringify({ version: "1", default: "allow" }));
    const pushed = toolgate(
      ["policy", "push", demo.serverSlug, permissive, "--message", "e2e: allow all"],
      demo,
    );
    expect(pushed.stderr).toBe("");
    expect(pushed.status).toBe(0);
  });

  await test.step("policy push of the canonical policy", () => {
    const pushed = toolgate(
      ["policy", "push", demo.serverSlug, canonicalFile, "--message", "e2e: canonical", "--json"],
      demo,
    );
    expect(pushed.stderr).toBe("");
    expect(pushed.status).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ version: expect.any(Number) });
  });

  await test.step("a real MCP SDK client through the gateway follows the pushed policy", async () => {
    const agent = await connectAgent(demo.gatewayUrl, demo.token);
    try {
      await expect
        .poll(async () => (await agent.listTools()).tools.map((tool) => tool.name), { timeout: 10_000 })
        .toEqual(["MountIso"]);
      const denied = await agent.callTool({ name: "DeleteVm", arguments: { name: "debian-db" } });
      expect(denied.isError).toBe(true);
      expect(JSON.stringify(denied.content)).toContain("[POLICY DENIED]");
      expect(JSON.stringify(denied.content)).toContain("(default deny)");
      const mounted = await agent.callTool({
        name: "MountIso",
        arguments: { vm_name: "debian-db", iso_path: "/srv/isos/debian-12.8.0-amd64-netinst.iso" },
      });
      expect(mounted.isError ?? false).toBe(false);
    } finally {
      await agent.close();
    }
  });

  await test.step("policy pull returns the pushed document unchanged", () => {
    const pulled = toolgate(["policy", "pull", demo.serverSlug], demo);
    expect(pulled.status).toBe(0);
    expect(JSON.parse(pulled.stdout)).toEqual(JSON.parse(readFileSync(canonicalFile, "utf8")));
  });

  await test.step("logs tail shows the agent's calls with their decisions", async () => {
    // Call logs are written in batches off the hot path, so they appear shortly after.
    await expect
      .poll(() => toolgate(["logs", "tail", "--limit", "20", "--decision", "deny"], demo).stdout, {
        timeout: 15_000,
      })
      .toContain("DeleteVm");
  });

  await test.step("logs export streams complete records for a time range as NDJSON and CSV", async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const ndjson = toolgate(["logs", "export", "--from", from, "--decision", "deny"], demo);
    expect(ndjson.status).toBe(0);
    const records = ndjson.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const denied = records.find((record) => record.tool === "DeleteVm");
    expect(denied).toMatchObject({
      decision: "deny",
      method: "tools/call",
      policyVersion: expect.any(Number),
    });
    for (const field of ["requestId", "grantId", "argumentKeys", "latencyMs", "upstreamStatus", "rule"]) {
      expect(denied).toHaveProperty(field);
    }
    const csv = toolgate(["logs", "export", "--from", from, "--format", "csv"], demo);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toMatch(/^requestId,createdAt,serverId,grantId,/);
    expect(csv.stdout).toContain("DeleteVm");
  });

  await test.step("audit verify confirms the organisation's audit hash chain (the pushes above are in it)", () => {
    const verified = toolgate(["audit", "verify"], demo);
    expect(verified.stderr).toBe("");
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/Audit chain intact: \d+ event\(s\) verified/);
  });
});
