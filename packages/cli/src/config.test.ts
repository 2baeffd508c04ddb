import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configPath, resolveConfig, saveConfig } from "./config";

function scratchEnv(): NodeJS.ProcessEnv {
  return { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "toolgate-config-")) };
}

describe("CLI configuration", () => {
  it("saves the login readable by its owner only", () => {
    const env = scratchEnv();
    const path = saveConfig({ url: "http://localhost:3000", apiKey: "tg_key_secret" }, env);
    expect(path).toBe(configPath(env));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(resolveConfig({}, env)).toEqual({ url: "http://localhost:3000", apiKey: "tg_key_secret" });
  });

  it("prefers flags, then TOOLGATE_URL / TOOLGATE_API_KEY, then the saved login", () => {
    const env = scratchEnv();
    saveConfig({ url: "http://saved:3000", apiKey: "tg_key_saved" }, env);
    const withEnv = { ...env, TOOLGATE_URL: "http://env:3000/api/v1/", TOOLGATE_API_KEY: "tg_key_env" };
    expect(resolveConfig({}, withEnv)).toEqual({ url: "http://env:3000", apiKey: "tg_key_env" });
    expect(resolveConfig({ key: "tg_key_flag" }, withEnv)).toEqual({
      url: "http://env:3000",
      apiKey: "tg_key_flag",
    });
  });

  it("says how to log in when nothing is configured", () => {
    expect(() => resolveConfig({}, scratchEnv())).toThrow(/toolgate login/);
  });
});
