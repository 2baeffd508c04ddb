// `npm test`: lint, typecheck, migration check, unit + integration tests on real Postgres/Redis,
// then the Playwright journeys in Chromium against the running product, then the embedded default
// (embedded PostgreSQL, no Redis): the exact-limit test and the walking-skeleton journey. Prints one
// closing tally. `node scripts/test.mjs e2e [playwright args…]` runs the journeys alone;
// `node scripts/test.mjs embedded` the embedded-default part alone.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { findOrObtainChromium } from "./lib/browser.mjs";
import { stackEnv, stateDir } from "./lib/config.mjs";
import { bin, bold, green, installDependencies, red, repoRoot, runStatus, step } from "./lib/run.mjs";
import { dropDatabase, ensurePostgres, ensureRedis, resolveServices } from "./lib/services.mjs";
import { assertPortsFree, buildGateway, buildWeb, startStack } from "./lib/stack.mjs";

const resultsDir = resolve(stateDir, "test-results");
const failures = [];
const tally = { passed: 0, failed: 0, skipped: 0 };

function check(name, status) {
  if (status === 0) console.log(green(`✔ ${name}`));
  else {
    console.log(red(`✘ ${name} (exit ${status})`));
    failures.push(name);
  }
}

/** Adds a vitest/jest-style JSON report to the tally; a missing report means the run broke. */
function countVitest(file, name) {
  if (!existsSync(file)) return failures.push(`${name}: no test report`);
  const report = JSON.parse(readFileSync(file, "utf8"));
  tally.passed += report.numPassedTests ?? 0;
  tally.failed += report.numFailedTests ?? 0;
  tally.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file, name) {
  if (!existsSync(file)) return failures.push(`${name}: no test report`);
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  tally.passed += stats.expected ?? 0;
  tally.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  tally.skipped += stats.skipped ?? 0;
}

/** Workspaces whose package.json has a `test` script, in dependency-friendly order. */
function testedWorkspaces() {
  const dirs = ["packages", "apps"].flatMap((group) =>
    readdirSync(resolve(repoRoot, group)).map((name) => `${group}/${name}`),
  );
  return dirs.filter((dir) => {
    const file = resolve(repoRoot, dir, "package.json");
    return existsSync(file) && JSON.parse(readFileSync(file, "utf8")).scripts?.test !== undefined;
  });
}

let chromium;
/** The Chromium for Playwright, found (or installed) once per run. */
function chromiumPath() {
  if (chromium === undefined) {
    step("End-to-end: finding a Chromium");
    chromium = findOrObtainChromium();
    console.log(`Chromium: ${chromium}`);
  }
  return chromium;
}

/** Runs Playwright against a started stack; adds its report to the tally under `name`. */
function playwright({ name, env, ports, demoJson, args }) {
  const report = resolve(resultsDir, `${name}.json`);
  const status = runStatus(resolve(repoRoot, "e2e/node_modules/.bin/playwright"), ["test", ...args], {
    cwd: resolve(repoRoot, "e2e"),
    env: {
      ...env,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
      CHROMIUM_PATH: chromiumPath(),
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      E2E_WEB_URL: `http://localhost:${ports.web}`,
      E2E_GATEWAY_URL: `http://localhost:${ports.gateway}`,
      E2E_DEMO_JSON: demoJson,
    },
  });
  check(name, status);
  countPlaywright(report, name);
}

/** Runs one workspace's vitest (optionally some files) with a JSON report added to the tally. */
function vitest({ name, dir, env, files = [] }) {
  const report = resolve(resultsDir, `${name.replaceAll(/[^a-z0-9-]+/gi, "-")}.json`);
  const status = runStatus(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...files],
    { cwd: resolve(repoRoot, dir), env },
  );
  check(name, status);
  countVitest(report, name);
}

/**
 * The embedded default with no Redis at all (REDIS_URL empty, the mode TOOLGATE_MODE=embedded
 * forces in npm start): an embedded PostgreSQL in .toolgate/postgres-test, the exact-limit and
 * call-log test against one single-node gateway, and the walking-skeleton journey.
 */
async function embeddedDefault({ ports, suffix }) {
  step("Embedded default: embedded PostgreSQL, no Redis");
  let services;
  let stack;
  try {
    services = await resolveServices({
      databaseName: `toolgate_embedded${suffix}`,
      embeddedDataDir: resolve(stateDir, "postgres-test"),
      forceEmbedded: true,
    });
    console.log(`PostgreSQL: ${services.lines.postgres}\nRedis: ${services.lines.redis}`);
    const env = stackEnv({
      databaseName: `toolgate_embedded${suffix}`,
      ports,
      respectShell: false,
      databaseUrl: services.databaseUrl,
      redisUrl: "",
    });
    check(
      "migrate embedded database",
      runStatus(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "deploy"], {
        cwd: resolve(repoRoot, "packages/db"),
        env,
      }),
    );

    step("Embedded default: exactly 30 of 1,000 concurrent calls, logged through the Postgres queue");
    vitest({
      name: "embedded: single-node gateway",
      dir: "apps/gateway",
      env: { ...env, NODE_ENV: "test" },
      files: ["test/single-node.test.ts"],
    });

    step("Embedded default: the walking-skeleton journey");
    await assertPortsFree(ports);
    if (!existsSync(resolve(repoRoot, "apps/web/.next/BUILD_ID"))) buildWeb(env);
    buildGateway(env);
    const demoJson = resolve(stateDir, "e2e-embedded-demo.json");
    stack = await startStack({ env, ports, quiet: true, demoOutput: demoJson });
    const health = await (await fetch(`http://127.0.0.1:${ports.gateway}/healthz`)).json();
    console.log(`gateway /healthz: ${JSON.stringify(health)}`);
    check("embedded: gateway in single-node mode", health.mode === "single-node" ? 0 : 1);
    playwright({ name: "e2e-embedded", env, ports, demoJson, args: ["tests/walking-skeleton.spec.ts"] });
  } catch (error) {
    console.error(red(error.message));
    failures.push("embedded default");
  } finally {
    await stack?.stop();
    services?.stop();
  }
}

/** Builds and starts the product on real PostgreSQL + Redis and runs the Playwright journeys. */
async function fullJourneys({ env, ports, suffix, only }) {
  step("End-to-end: building and starting the product");
  const e2eEnv = {
    ...env,
    ...stackEnv({ databaseName: `toolgate_e2e${suffix}`, ports, respectShell: false }),
    NODE_ENV: "production",
  };
  let stack;
  try {
    await assertPortsFree(ports);
    await dropDatabase(e2eEnv.DATABASE_URL);
    check(
      "migrate e2e database",
      runStatus(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "deploy"], {
        cwd: resolve(repoRoot, "packages/db"),
        env: e2eEnv,
      }),
    );
    chromiumPath(); // before the build: a missing browser stops the run early
    buildWeb(e2eEnv);
    buildGateway(e2eEnv);
    stack = await startStack({
      env: e2eEnv,
      ports,
      quiet: true,
      demoOutput: resolve(stateDir, "e2e-demo.json"),
    });
    step("End-to-end: Playwright journeys in Chromium");
    playwright({
      name: "e2e",
      env: e2eEnv,
      ports,
      demoJson: resolve(stateDir, "e2e-demo.json"),
      args: only === "e2e" ? process.argv.slice(3) : [],
    });
  } catch (error) {
    console.error(red(error.message));
    failures.push("e2e");
  } finally {
    await stack?.stop();
  }
}

async function main() {
  step("Installing dependencies");
  installDependencies();

  // Several checkouts can test side by side on one machine: TOOLGATE_TEST_NAME suffixes the
  // database names, TOOLGATE_TEST_PORT_BASE moves the e2e stack's ports.
  const suffix = process.env.TOOLGATE_TEST_NAME ? `_${process.env.TOOLGATE_TEST_NAME}` : "";
  const base = Number(process.env.TOOLGATE_TEST_PORT_BASE ?? 0);
  const ports =
    base > 0
      ? { web: base, gateway: base + 1, upstream: base + 2, oauth: base + 3 }
      : { web: 3210, gateway: 4210, upstream: 4310, oauth: 3310 };
  const only = process.argv[2]; // "e2e" or "embedded": that part alone
  const env = {
    ...stackEnv({ databaseName: `toolgate_test${suffix}`, ports, respectShell: false }),
    NODE_ENV: "test",
  };
  if (only !== "embedded") {
    step("Checking PostgreSQL and Redis");
    await ensurePostgres(env.DATABASE_URL);
    await ensureRedis(env.REDIS_URL);
  }
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  if (only === undefined) {
    step("Lint and format (biome)");
    check("lint", runStatus(bin("biome"), ["ci", "."]));

    step("Typecheck (tsc, every workspace)");
    check(
      "typecheck",
      runStatus(bin("turbo"), ["run", "typecheck", "--concurrency=2", "--output-logs=errors-only"], { env }),
    );

    // deploy creates the test database when it is missing; check needs it to exist.
    step("Migrations: test database, and no unmigrated schema changes");
    check(
      "migrate test database",
      runStatus(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "deploy"], {
        cwd: resolve(repoRoot, "packages/db"),
        env,
      }),
    );
    check(
      "migrations",
      runStatus(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "check"], {
        cwd: resolve(repoRoot, "packages/db"),
        env,
      }),
    );

    for (const dir of testedWorkspaces()) {
      step(`Unit and integration tests: ${dir}`);
      vitest({ name: `tests ${dir}`, dir, env });
    }
  }

  if (only !== "embedded") await fullJourneys({ env, ports, suffix, only });
  if (only !== "e2e") await embeddedDefault({ ports, suffix });

  writeFileSync(resolve(resultsDir, "summary.json"), JSON.stringify({ tally, failures }, null, 2));
  console.log(`\n${bold("Summary")}`);
  if (failures.length > 0) console.log(red(`Failed steps: ${failures.join(", ")}`));
  if (tally.skipped > 0)
    console.log(red(`${tally.skipped} tests were skipped; a skipped test does not count as passing.`));
  console.log(`tests: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(
    failures.length === 0 && tally.failed === 0 && tally.skipped === 0 && tally.passed > 0 ? 0 : 1,
  );
}

main().catch((error) => {
  console.error(red(`npm test failed: ${error.stack ?? error.message}`));
  process.exit(1);
});
