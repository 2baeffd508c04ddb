// `npm start`: install, pick or start the services (local PostgreSQL/Redis, else the embedded default:
// embedded PostgreSQL and no Redis), migrate, build (dashboard and compiled gateway), run web + gateway + demo upstream, seed the demo.
import { resolve } from "node:path";
import { stackEnv, stateDir } from "./lib/config.mjs";
import { bold, green, installDependencies, red, repoRoot, run, step } from "./lib/run.mjs";
import { resolveServices } from "./lib/services.mjs";
import { assertPortsFree, buildGateway, buildWeb, startStack } from "./lib/stack.mjs";

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  console.error(red(`Toolgate needs Node.js 20 or newer; this is ${process.version}.`));
  process.exit(1);
}

const ports = {
  web: Number(process.env.TOOLGATE_WEB_PORT ?? 3000),
  gateway: Number(process.env.TOOLGATE_GATEWAY_PORT ?? 4000),
  upstream: Number(process.env.TOOLGATE_DEMO_UPSTREAM_PORT ?? 4100),
  oauth: Number(process.env.TOOLGATE_OAUTH_PORT ?? 3100),
};

async function main() {
  await assertPortsFree(ports);
  step("Installing dependencies (pnpm, frozen lockfile)");
  installDependencies();

  // TOOLGATE_MODE=embedded: the embedded default even where local servers run.
  const forceEmbedded = process.env.TOOLGATE_MODE === "embedded";
  step("Choosing PostgreSQL and Redis");
  const services = await resolveServices({
    databaseName: "toolgate",
    embeddedDataDir: resolve(stateDir, "postgres"),
    shell: process.env,
    forceEmbedded,
  });
  // The embedded server stops with this script, however it ends (the stack's own handlers below
  // take over once it runs).
  process.on("exit", () => services.stop());
  const early = () => process.exit(1);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, early);
  const modeLines = `  PostgreSQL    ${services.lines.postgres}\n  Redis         ${services.lines.redis}`;
  console.log(modeLines);
  const env = stackEnv({
    databaseName: "toolgate",
    ports,
    respectShell: true,
    databaseUrl: services.databaseUrl,
    redisUrl: services.redisUrl,
  });

  step("Applying database migrations");
  run(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "deploy"], {
    cwd: resolve(repoRoot, "packages/db"),
    env,
  });

  step("Building the dashboard");
  buildWeb(env);
  step("Building the gateway");
  buildGateway(env);

  const stack = await startStack({ env, ports, demoOutput: resolve(stateDir, "demo.json") });
  const { demo } = stack;
  console.log(`
${green(bold("Toolgate is running."))}

  Dashboard     ${bold(demo.dashboardUrl)}
  Demo login    ${demo.login.email} / ${demo.login.password}
  Gateway URL   ${bold(demo.gatewayUrl)}
  Demo token    ${demo.token}
  Demo upstream ${env.DEMO_UPSTREAM_URL}
  REST API      ${demo.apiUrl ?? `${demo.dashboardUrl}/api/v1`} (admin key: ${demo.apiKey ?? "see the dashboard"})
${modeLines}

  These details are also in .toolgate/demo.json. Press Ctrl+C to stop.
`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Toolgate…");
    await stack.stop();
    services.stop();
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.off(signal, early);
    process.on(signal, shutdown);
  }
  // npm does not forward SIGTERM to this script: stop with the parent rather than orphaning the servers.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) shutdown().catch(() => process.exit(1));
  }, 1000).unref();
  for (const child of stack.children) {
    child.once("exit", (code) => {
      if (stopping) return;
      console.error(red(`${child.name} stopped unexpectedly (exit ${code}); stopping the rest.`));
      shutdown().catch(() => process.exit(1));
    });
  }
}

main().catch((error) => {
  console.error(`\n${red("npm start failed:")} ${error.message}`);
  process.exit(1);
});
