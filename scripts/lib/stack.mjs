// Builds and starts the whole product: demo upstream, gateway and dashboard, then seeds the demo tenant.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot, run, startProcess, step } from "./run.mjs";
import { isListening } from "./services.mjs";

const tsxImport = ["--import", "tsx"];

/** Refuses to start when a port is taken, naming the variable that moves it. */
export async function assertPortsFree(ports) {
  const names = {
    web: "TOOLGATE_WEB_PORT",
    gateway: "TOOLGATE_GATEWAY_PORT",
    upstream: "TOOLGATE_DEMO_UPSTREAM_PORT",
    oauth: "TOOLGATE_OAUTH_PORT",
  };
  for (const [role, port] of Object.entries(ports)) {
    if (await isListening("127.0.0.1", port)) {
      throw new Error(
        `Port ${port} (${role}) is already in use. Is Toolgate already running? Stop it, or set ${names[role]} to another port.`,
      );
    }
  }
}

async function waitForHttp(url, child, seconds) {
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null)
      throw new Error(`${child.name} exited (code ${child.exitCode}) before it was ready.`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${child.name} did not answer at ${url} within ${seconds}s.`);
}

/** Builds the dashboard for production (Turbopack). */
export function buildWeb(env) {
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: resolve(repoRoot, "apps/web"),
    env,
  });
}

// Everything the compiled gateway is made of: its sources, the workspace packages bundled into it
// (with the generated Prisma client), the build scripts and the lockfile.
const gatewayInputs = [
  "apps/gateway/src",
  "apps/gateway/scripts",
  "apps/gateway/package.json",
  "packages/db/src",
  "packages/policy-core/src",
  "packages/secrets/src",
  "packages/upstream/src",
  "packages/webhooks/src",
  "scripts/lib/bundle.mjs",
  "pnpm-lock.yaml",
];
const gatewayDist = resolve(repoRoot, "apps/gateway/dist");
const gatewayStamp = resolve(gatewayDist, ".build-stamp");

function hashInputs(paths) {
  const hash = createHash("sha256");
  const visit = (path) => {
    const full = resolve(repoRoot, path);
    if (!existsSync(full)) return;
    const entries = readdirSync(full, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of entries) hash.update(file).update(readFileSync(file));
  };
  for (const path of paths) {
    if (statSync(resolve(repoRoot, path)).isFile())
      hash.update(path).update(readFileSync(resolve(repoRoot, path)));
    else visit(path);
  }
  return hash.digest("hex");
}

/** Compiles the gateway and log worker to apps/gateway/dist, unless its sources are unchanged since the last build. */
export function buildGateway(env) {
  const fingerprint = hashInputs(gatewayInputs);
  const built = existsSync(gatewayStamp) ? readFileSync(gatewayStamp, "utf8") : "";
  if (built === fingerprint && existsSync(resolve(gatewayDist, "main.mjs"))) {
    console.log("Gateway build is up to date.");
    return;
  }
  run(process.execPath, ["scripts/build.mjs"], { cwd: resolve(repoRoot, "apps/gateway"), env });
  writeFileSync(gatewayStamp, fingerprint);
}

/** Starts the four processes, waits until each answers, seeds the demo, and returns handles. */
export async function startStack({ env, ports, quiet = false, demoOutput }) {
  const children = [];
  const stop = async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null
          ? undefined
          : new Promise((done) => {
              const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
              child.once("exit", () => {
                clearTimeout(timer);
                done();
              });
            }),
      ),
    );
  };
  try {
    step(`Starting the demo upstream on :${ports.upstream}`);
    const upstream = startProcess("upstream", process.execPath, [...tsxImport, "src/main.ts"], {
      cwd: resolve(repoRoot, "packages/demo-upstream"),
      env: { ...env, PORT: String(ports.upstream), HOST: "127.0.0.1" },
      quiet,
    });
    children.push(upstream);
    await waitForHttp(`http://127.0.0.1:${ports.upstream}/stats`, upstream, 30);

    step(`Starting the gateway on :${ports.gateway}`);
    const gateway = startProcess("gateway", process.execPath, ["--enable-source-maps", "dist/main.mjs"], {
      cwd: resolve(repoRoot, "apps/gateway"),
      env: { ...env, PORT: String(ports.gateway), HOST: "0.0.0.0" },
      quiet,
    });
    children.push(gateway);
    await waitForHttp(`http://127.0.0.1:${ports.gateway}/healthz`, gateway, 30);

    step(`Starting the OAuth authorization server on :${ports.oauth}`);
    const oauth = startProcess("oauth", process.execPath, [...tsxImport, "src/oauth-server/main.ts"], {
      cwd: resolve(repoRoot, "apps/web"),
      env,
      quiet,
    });
    children.push(oauth);
    await waitForHttp(`http://127.0.0.1:${ports.oauth}/healthz`, oauth, 30);

    step(`Starting the dashboard on :${ports.web}`);
    const web = startProcess(
      "web",
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", String(ports.web)],
      {
        cwd: resolve(repoRoot, "apps/web"),
        env: { ...env, PORT: String(ports.web) },
        quiet,
      },
    );
    children.push(web);
    await waitForHttp(`http://127.0.0.1:${ports.web}/login`, web, 60);

    step("Seeding the demo tenant");
    run(process.execPath, [...tsxImport, "scripts/seed-demo.ts"], {
      cwd: resolve(repoRoot, "apps/web"),
      env: { ...env, DEMO_OUTPUT: demoOutput, TOOLGATE_DASHBOARD_URL: `http://localhost:${ports.web}` },
      stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
    });
    const demo = JSON.parse(readFileSync(demoOutput, "utf8"));
    return { children, stop, demo };
  } catch (error) {
    await stop();
    throw error;
  }
}
