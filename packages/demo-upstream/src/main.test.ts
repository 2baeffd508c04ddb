import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("main (standalone demo upstream)", () => {
  it("prints its URL, serves stats, and exits cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("./main.ts", import.meta.url))],
      {
        env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.setEncoding("utf8");
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        output += chunk;
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(output);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`demo upstream exited early with ${code}: ${output}`)));
    });
    const stats = await fetch(new URL("/stats", url));
    expect(await stats.json()).toEqual({
      toolCalls: {},
      faultedCalls: {},
      resourceReads: {},
      promptGets: {},
      sessions: 0,
    });

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
