import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDeploy } from "../src/index";
import { migrateCheck } from "../src/migrate/migrate-check";
import { migrateDev } from "../src/migrate/migrate-dev";
import { migrateStatus } from "../src/migrate/migrate-status";
import { defaultPaths, type MigrationPaths } from "../src/migrate/paths";
import { tempDatabase } from "./support/temp-database";
import { testDatabaseUrl } from "./support/test-env";

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, "..");
const tsx = resolve(packageDir, "../../node_modules/.bin/tsx");
const committed = readdirSync(defaultPaths.migrationsDir).filter((name) => /^\d{14}_/.test(name));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function temp(): string {
  const url = tempDatabase();
  cleanups.push(url.drop);
  return url.url;
}

/** A copy of schema.prisma and the migrations, with a change to the schema that no migration has. */
function changedCopy(): MigrationPaths {
  const dir = mkdtempSync(join(tmpdir(), "toolgate-schema-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const paths = { schemaPath: join(dir, "schema.prisma"), migrationsDir: join(dir, "migrations") };
  cpSync(defaultPaths.migrationsDir, paths.migrationsDir, { recursive: true });
  const schema = readFileSync(defaultPaths.schemaPath, "utf8").replace(
    "model Tenant {\n",
    "model Tenant {\n  billingEmail String?\n",
  );
  writeFileSync(paths.schemaPath, schema);
  return paths;
}

async function cli(args: string[], databaseUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ["src/migrate/cli.ts", ...args], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

async function shadowDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe("migrateDeploy", () => {
  it("creates a missing database, applies every migration, then is a no-op", async () => {
    const url = temp();
    const first = await migrateDeploy(url);
    expect(first).toEqual({ applied: committed, createdDatabase: true });
    expect(await migrateDeploy(url)).toEqual({ applied: [], createdDatabase: false });
    const status = await migrateStatus(url);
    expect(status).toMatchObject({ upToDate: true, pending: [], migrations: committed });
  });

  it("lets concurrent deploys on one database apply each migration once", async () => {
    const url = temp();
    const results = await Promise.all([migrateDeploy(url), migrateDeploy(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(committed);
  });
});

describe("migrateStatus", () => {
  it("lists migrations not yet applied", async () => {
    const url = temp();
    const paths = changedCopy();
    await migrateDeploy(url, paths);
    const created = await migrateDev(url, { name: "billing email", createOnly: true }, paths);
    const status = await migrateStatus(url, paths);
    expect(status.upToDate).toBe(false);
    expect(status.pending).toEqual([created.created]);
  });
});

describe("migrateCheck", () => {
  it("finds the committed migrations in sync with schema.prisma, leaving no shadow database", async () => {
    expect(await migrateCheck(testDatabaseUrl())).toMatchObject({ inSync: true });
    expect(await shadowDatabases()).toEqual([]);
  });

  it("reports a schema change that no migration creates", async () => {
    const result = await migrateCheck(testDatabaseUrl(), changedCopy());
    expect(result.inSync).toBe(false);
    expect(result.summary).toContain("Tenant");
  });

  it("exits 0 from the CLI on the committed state and 2 after a schema change", async () => {
    const ok = await cli(["check"], testDatabaseUrl());
    expect(ok).toMatchObject({ code: 0 });
    const paths = changedCopy();
    const drift = await cli(
      ["check", "--schema", paths.schemaPath, "--migrations", paths.migrationsDir],
      testDatabaseUrl(),
    );
    expect(drift.code).toBe(2);
    expect(drift.out).toContain("schema.prisma has changes that no migration creates");
  });
});

describe("migrateDev", () => {
  it("writes a migration for the change, applies it, and then check passes", async () => {
    const url = temp();
    const paths = changedCopy();
    const result = await migrateDev(url, { name: "billing-email" }, paths);
    expect(result.created).toMatch(/^\d{14}_billing_email$/);
    expect(result.applied).toEqual([...committed, result.created]);
    const sql = readFileSync(join(paths.migrationsDir, String(result.created), "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "Tenant" ADD COLUMN     "billingEmail" TEXT');
    expect(await migrateCheck(url, paths)).toMatchObject({ inSync: true });
    expect(await migrateDev(url, { name: "nothing" }, paths)).toEqual({ created: null, applied: [] });
  });
});
