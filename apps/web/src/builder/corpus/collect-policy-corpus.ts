import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs policy-core's own test suite with a recorder and returns every distinct valid
 * policy its tests parse (table rows, fixtures, property-test samples). Test support only.
 */
export function collectPolicyCorpus(): unknown[] {
  const dir = mkdtempSync(join(tmpdir(), "tg-corpus-"));
  const out = join(dir, "corpus.ndjson");
  try {
    const vitest = createRequire(import.meta.url).resolve("vitest/vitest.mjs");
    const config = fileURLToPath(new URL("./vitest.corpus.config.ts", import.meta.url));
    execFileSync(process.execPath, [vitest, "run", "--config", config], {
      env: { ...process.env, POLICY_CORPUS_OUT: out },
      stdio: "ignore",
    });
    const lines = readFileSync(out, "utf8")
      .split("\n")
      .filter((line) => line !== "");
    return [...new Set(lines)].map((line): unknown => JSON.parse(line));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
