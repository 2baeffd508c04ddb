import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { testEnv } from "./test-env";

const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));

export type GatewayProcess = { url: string; output: string[]; close(): Promise<void> };

/** The real gateway entry point (`src/main.ts`) as its own process on an ephemeral port, sharing the test DB and Redis. */
export async function spawnGateway(extraEnv: Record<string, string> = {}): Promise<GatewayProcess> {
  const queueName = `call-logs-test-${randomUUID()}`;
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: testEnv.databaseUrl,
      REDIS_URL: testEnv.redisUrl,
      TOOLGATE_SECRET_KEY: testEnv.secretKey.toString("base64"),
      TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
      TOOLGATE_RUN_LOG_WORKER: "0",
      TOOLGATE_CALL_LOG_QUEUE: queueName,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "debug",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let pending = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        output.push(line);
        const listening = /"url":"([^"]+)","msg":"gateway listening"/.exec(line);
        if (listening?.[1] !== undefined) resolve(listening[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`gateway exited (${code}):\n${output.join("\n")}`)));
  });
  // Single-node mode (REDIS_URL "") keeps its queue in the test database, not on Redis.
  const redisQueue = extraEnv.REDIS_URL === "" ? undefined : queueName;
  return { url, output, close: () => stop(child, redisQueue) };
}

async function stop(child: ChildProcess, queueName: string | undefined): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  }
  if (queueName === undefined) return;
  const queue = new Queue(queueName, { connection: { url: testEnv.redisUrl } });
  await queue.obliterate({ force: true });
  await queue.close();
}
