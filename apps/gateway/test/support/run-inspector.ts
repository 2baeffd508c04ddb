import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const INSPECTOR = fileURLToPath(new URL("../../node_modules/.bin/mcp-inspector", import.meta.url));
// Its catalog file goes to a scratch folder, not the user's home.
const CATALOG = join(mkdtempSync(join(tmpdir(), "tg-inspector-")), "mcp.json");

/** Runs `mcp-inspector --cli <url> --transport http …` as a real third-party client; resolves to its parsed JSON output. */
export function runInspector(url: string, args: string[], token?: string): Promise<unknown> {
  const auth = token === undefined ? [] : ["--header", `Authorization: Bearer ${token}`];
  return new Promise((resolve, reject) => {
    execFile(
      INSPECTOR,
      ["--cli", url, "--transport", "http", ...args, ...auth],
      { env: { ...process.env, MCP_CATALOG_PATH: CATALOG }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error !== null)
          return reject(new Error(`inspector failed: ${stderr}${stdout}`, { cause: error }));
        try {
          resolve(JSON.parse(stdout));
        } catch (cause) {
          reject(new Error(`inspector printed no JSON: ${stdout}`, { cause }));
        }
      },
    );
  });
}
