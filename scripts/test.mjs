// `npm test`: lint, typecheck, migration check, unit + integration tests on real Postgres/Redis,
// then the Playwright journeys in Chromium against the running product. Prints one closing tally.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { stackEnv, stateDir } from "./lib/config.mjs";
import { bin, bold, green, installDependencies, red, repoRoot, runStatus, step } from "./lib/run.mjs";
import { ensurePostgres, ensureRedis } from "./lib/services.mjs";
import { assertPortsFree, buildWeb, startStack } from "./lib/stack.mjs";

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

function countPlaywright(file) {
  if (!existsSync(file)) return failures.push("e2e: no test report");
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

async function main() {
  step("Installing dependencies");
  installDependencies();

  // Several checkouts can test side by side on one machine: TOOLGATE_TEST_NAME suffixes the
  // database names, TOOLGATE_TEST_PORT_BASE moves the e2e stack's ports.
  const suffix = process.env.TOOLGATE_TEST_NAME ? `_${process.env.TOOLGATE_TEST_NAME}` : "";
  const base = Number(process.env.TOOLGATE_TEST_PORT_BASE ?? 0);
  const ports =
    base > 0
      ? { web: base, gateway: base + 1, upstream: base + 2 }
      : { web: 3210, gateway: 4210, upstream: 4310 };
  const only = process.argv[2]; // `node scripts/test.mjs e2e [playwright args…]` runs the journeys alone
  const env = {
    ...stackEnv({ databaseName: `toolgate_test${suffix}`, ports, respectShell: false }),
    NODE_ENV: "test",
  };
  step("Checking PostgreSQL and Redis");
  await ensurePostgres(env.DATABASE_URL);
  await ensureRedis(env.REDIS_URL);
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  if (only !== "e2e") {
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
      const report = resolve(resultsDir, `${dir.replace("/", "-")}.json`);
      const status = runStatus(
        bin("vitest"),
        ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`],
        { cwd: resolve(repoRoot, dir), env },
      );
      check(`tests ${dir}`, status);
      countVitest(report, dir);
    }
  }

  step("End-to-end: building and starting the product");
  const e2eEnv = {
    ...env,
    ...stackEnv({ databaseName: `toolgate_e2e${suffix}`, ports, respectShell: false }),
    // Checkouts testing side by side share one Redis: each stack's log worker must drain only its own
    // gateway's queue, or call logs land in another checkout's database.
    TOOLGATE_CALL_LOG_QUEUE: `call-logs-e2e${suffix}`,
    NODE_ENV: "production",
  };
  let stack;
  try {
    await assertPortsFree(ports);
    check(
      "migrate e2e database",
      runStatus(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", "deploy"], {
        cwd: resolve(repoRoot, "packages/db"),
        env: e2eEnv,
      }),
    );
    buildWeb(e2eEnv);
    stack = await startStack({
      env: e2eEnv,
      ports,
      quiet: true,
      demoOutput: resolve(stateDir, "e2e-demo.json"),
    });
    step("End-to-end: Playwright journeys in Chromium");
    const report = resolve(resultsDir, "e2e.json");
    const status = runStatus(
      resolve(repoRoot, "e2e/node_modules/.bin/playwright"),
      ["test", ...(only === "e2e" ? process.argv.slice(3) : [])],
      {
        cwd: resolve(repoRoot, "e2e"),
        env: {
          ...e2eEnv,
          PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          E2E_WEB_URL: `http://localhost:${ports.web}`,
          E2E_GATEWAY_URL: `http://localhost:${ports.gateway}`,
          E2E_DEMO_JSON: resolve(stateDir, "e2e-demo.json"),
        },
      },
    );
    check("e2e", status);
    countPlaywright(report);
  } catch (error) {
    console.error(red(error.message));
    failures.push("e2e");
  } finally {
    await stack?.stop();
  }

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
