// Runs the MCP conformance suite against an MCP server directly and through the Toolgate gateway
// (allow-all policy), for each requirement set, and prints which checks differ.
//
//   CONFORMANCE_URL=http://127.0.0.1:3000/mcp \
//   CONFORMANCE_CLI=/path/to/node_modules/@modelcontextprotocol/conformance/dist/index.js \
//   DATABASE_URL=postgresql://… node --import tsx bench/conformance-gateway.ts [2025-11-25 2026-07-28]
//
// The gateway is spawned from apps/gateway/src/main.ts; an in-process forwarder in front of it adds the
// grant token as `Authorization: Bearer` (what a configured client does), so the suite's raw requests
// carry it too. The forwarder's origin is the gateway's allowed browser origin, as a deployment
// serving a page there would configure.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const upstreamUrl = required("CONFORMANCE_URL");
const cli = required("CONFORMANCE_CLI");
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/toolgate_test";
const revisions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["2025-11-25", "2026-07-28"];
const children: ChildProcess[] = [];

type Check = { id: string; status: string; errorMessage?: string };
type Run = Map<string, Check[]>;

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`set ${name} (see the header of this file)`);
  return value;
}

async function main(): Promise<void> {
  const seed = JSON.parse(
    await output(
      process.execPath,
      ["--import", "tsx", "apps/gateway/scripts/seed-conformance.ts", upstreamUrl],
      {
        DATABASE_URL: databaseUrl,
      },
    ),
  ) as { token: string; path: string };
  const forwarder = createServer();
  await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
  const forwarderPort = (forwarder.address() as AddressInfo).port;
  const gatewayPort = await freePort();
  const gateway = spawn(process.execPath, ["--import", "tsx", "apps/gateway/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(gatewayPort),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
      TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
      TOOLGATE_ALLOWED_ORIGINS: `http://localhost:${forwarderPort},http://127.0.0.1:${forwarderPort}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(gateway);
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/healthz`);
  forwarder.on("request", (req, res) => {
    const upstream = request(
      {
        host: "127.0.0.1",
        port: gatewayPort,
        method: req.method,
        path: `${seed.path}${req.url?.replace(/^\/mcp/, "") ?? ""}`,
        headers: { ...req.headers, authorization: `Bearer ${seed.token}` },
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  const viaGateway = `http://localhost:${forwarderPort}/mcp`;
  try {
    for (const revision of revisions) {
      const direct = await runSuite(upstreamUrl, revision);
      const gated = await runSuite(viaGateway, revision);
      report(revision, direct, gated);
    }
  } finally {
    forwarder.closeAllConnections();
    forwarder.close();
  }
}

async function runSuite(url: string, revision: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "conformance-"));
  const preload = fileURLToPath(new URL("./conformance/node20-fs-glob.mjs", import.meta.url));
  await output(
    process.execPath,
    ["--import", preload, cli, "server", "--url", url, "--requirements", revision, "-o", dir],
    {},
    true,
  );
  const run: Run = new Map();
  for (const scenarioDir of readdirSync(dir)) {
    const scenario = scenarioDir.replace(/^server-/, "").replace(/-\d{4}-\d{2}-\d{2}T.*$/, "");
    const checks = JSON.parse(readFileSync(join(dir, scenarioDir, "checks.json"), "utf8")) as Check[];
    run.set(scenario, checks);
  }
  return run;
}

const passed = (checks: Check[]) => checks.filter((check) => check.status === "SUCCESS").length;
const failed = (checks: Check[]) => checks.filter((check) => check.status === "FAILURE").length;

function report(revision: string, direct: Run, gated: Run): void {
  const rows: string[][] = [];
  const regressions: string[] = [];
  const totals = { directPassed: 0, directFailed: 0, gatedPassed: 0, gatedFailed: 0 };
  for (const [scenario, checks] of [...direct.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const through = gated.get(scenario) ?? [];
    rows.push([scenario, `${passed(checks)}/${failed(checks)}`, `${passed(through)}/${failed(through)}`]);
    totals.directPassed += passed(checks);
    totals.directFailed += failed(checks);
    totals.gatedPassed += passed(through);
    totals.gatedFailed += failed(through);
    // A check passing directly must pass through the gateway (same id, matched in order).
    const remaining = [...through];
    for (const check of checks.filter((c) => c.status === "SUCCESS")) {
      const index = remaining.findIndex((other) => other.id === check.id && other.status === "SUCCESS");
      if (index === -1) {
        const failure = remaining.find((other) => other.id === check.id);
        regressions.push(`${scenario} / ${check.id}: ${failure?.errorMessage ?? "missing"}`);
      } else remaining.splice(index, 1);
    }
  }
  console.log(`\n## --requirements ${revision}\n`);
  console.log("| scenario | direct pass/fail | through gateway pass/fail |\n| --- | --- | --- |");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(
    `| **total** | ${totals.directPassed}/${totals.directFailed} | ${totals.gatedPassed}/${totals.gatedFailed} |`,
  );
  console.log(
    regressions.length === 0
      ? "\nEvery check that passes directly passes through the gateway."
      : `\nPassing directly, failing through the gateway (${regressions.length}):\n${regressions.map((line) => `- ${line}`).join("\n")}`,
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not become healthy at ${url}`);
}

/** Runs a command to its end and returns its stdout; `tolerant` accepts a non-zero exit (failing checks). */
function output(
  command: string,
  args: string[],
  env: Record<string, string>,
  tolerant = false,
): Promise<string> {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 || tolerant ? resolve(text) : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

try {
  await main();
} finally {
  for (const child of children) child.kill("SIGTERM");
}
