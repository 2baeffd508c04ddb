import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/toolgate.mjs", import.meta.url));

/** A scratch directory, also used as HOME so no real login is read or written. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), "toolgate-cli-"));
}

/** Runs the real `toolgate` bin, with only the environment given (no TOOLGATE_* from the shell). */
export function runCli(args: string[], env: Record<string, string> = {}) {
  const home = env.HOME ?? scratchDir();
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: join(home, ".config"), ...env },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
