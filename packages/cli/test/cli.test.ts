import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, scratchDir } from "./run-cli";

const canonical = {
  version: "1",
  default: "deny",
  tools: { MountIso: { limits: [{ counter: "mountiso_rate", window: "minute", max: 30, scope: "grant" }] } },
};

function policyFile(content: string): string {
  const path = join(scratchDir(), "policy.json");
  writeFileSync(path, content);
  return path;
}

describe("toolgate policy validate (offline)", () => {
  it("accepts the canonical policy with no server configured", () => {
    const result = runCli(["policy", "validate", policyFile(JSON.stringify(canonical))]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("is a valid policy");
  });

  it("rejects a broken policy with each field's JSON path and exit code 1", () => {
    const broken = {
      ...canonical,
      colour: "blue",
      tools: { MountIso: { limits: [{ counter: "x", window: "fortnight", max: 1, scope: "grant" }] } },
    };
    const result = runCli(["policy", "validate", policyFile(JSON.stringify(broken))]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("  /colour: ");
    expect(result.stderr).toContain("  /tools/MountIso/limits/0/window: ");
  });

  it("reports JSON syntax errors with their line, and --json errors as JSON", () => {
    const result = runCli(["policy", "validate", "--json", policyFile('{\n  "version": "1",\n  oops\n}')]);
    expect(result.status).toBe(1);
    const body = JSON.parse(result.stderr) as {
      error: { code: string; issues: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe("invalid_policy");
    expect(body.error.issues[0]?.message).toMatch(/line 3/);
  });
});

describe("toolgate command line", () => {
  it("exits 2 with usage help for unknown commands and options", () => {
    expect(runCli(["frobnicate"]).status).toBe(2);
    const badOption = runCli(["servers", "list", "--colour"]);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toContain("--colour");
  });

  it("prints help with exit 0", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("policy push SERVER FILE");
  });

  it("explains how to configure when a command needs the server and nothing is set", () => {
    const result = runCli(["servers", "list"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TOOLGATE_URL");
  });

  it("fails with exit 1 when the server cannot be reached", () => {
    const result = runCli(["grants", "list"], {
      TOOLGATE_URL: "http://127.0.0.1:9",
      TOOLGATE_API_KEY: "tg_key_x",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Could not reach http://127.0.0.1:9");
  });
});
