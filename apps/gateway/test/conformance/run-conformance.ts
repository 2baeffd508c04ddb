import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(
  new URL("../../node_modules/@modelcontextprotocol/conformance/dist/index.js", import.meta.url),
);

/** One check of the official MCP conformance suite, as it reported it. */
export type ConformanceCheck = { scenario: string; id: string; status: string; errorMessage?: string };

/** Runs the official MCP conformance server suite against `url`; every check of every scenario. */
export async function runConformance(url: string): Promise<ConformanceCheck[]> {
  const outputDir = await mkdtemp(join(tmpdir(), "toolgate-conformance-"));
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, "server", "--url", url, "-o", outputDir], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.once("error", reject);
      // The CLI exits non-zero when any check fails; the checks are compared, not the exit code.
      child.once("exit", (code) =>
        code === null ? reject(new Error(`conformance CLI was killed:\n${stderr}`)) : resolve(),
      );
    });
    return await readChecks(outputDir);
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

async function readChecks(dir: string): Promise<ConformanceCheck[]> {
  const checks: ConformanceCheck[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith("checks.json")) continue;
    // Results are saved as "server-<scenario>-<timestamp>/checks.json".
    const folder = entry.split("/").at(-2) ?? entry;
    const scenario = /^server-(.+)-\d{4}-\d{2}-\d{2}T/.exec(folder)?.[1] ?? folder;
    const parsed = JSON.parse(await readFile(join(dir, entry), "utf8")) as ConformanceCheck[];
    for (const check of parsed) {
      const row: ConformanceCheck = { scenario, id: check.id, status: check.status };
      if (check.errorMessage !== undefined) row.errorMessage = check.errorMessage;
      checks.push(row);
    }
  }
  return checks;
}
