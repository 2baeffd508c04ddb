import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** server-everything's entry script; `node <ENTRY> stdio` runs it over stdio. */
export const EVERYTHING_ENTRY = fileURLToPath(
  new URL("../../node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url),
);

export type EverythingServer = { url: string; close(): Promise<void> };

/** Starts @modelcontextprotocol/server-everything (Streamable HTTP, or legacy SSE) as a child process on a free port. */
export async function startEverything(
  transport: "streamableHttp" | "sse" = "streamableHttp",
): Promise<EverythingServer> {
  // It logs the port it was given, not the one it bound, so a free port is chosen here.
  const port = await freePort();
  const child = spawn(process.execPath, [EVERYTHING_ENTRY, transport], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await waitForListening(child);
  return {
    url: `http://127.0.0.1:${port}/${transport === "sse" ? "sse" : "mcp"}`,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("listening on port") || output.includes("running on port")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server-everything exited (${code}): ${output}`)));
  });
}
