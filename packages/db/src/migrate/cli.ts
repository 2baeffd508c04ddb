// Toolgate's stand-in for `prisma migrate …` (the native engine cannot be downloaded here).
// Usage: tsx packages/db/src/migrate/cli.ts deploy | status | dev --name <name> [--create-only] | check
// (--schema and --migrations point it at other files, e.g. a copy in a test.)
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DbError } from "../errors";
import { migrateCheck } from "./migrate-check";
import { migrateDeploy } from "./migrate-deploy";
import { migrateDev } from "./migrate-dev";
import { migrateStatus } from "./migrate-status";
import { defaultPaths, type MigrationPaths } from "./paths";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/toolgate";
const USAGE =
  "usage: migrate deploy | status | dev --name <name> [--create-only] | check  [--schema <file>] [--migrations <dir>]";
const EXIT_USAGE = 64;
/** `check`: schema.prisma has changes no migration creates. */
const EXIT_SCHEMA_DRIFT = 2;

const envSchema = z.object({ DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL) });

type Command = { databaseUrl: string; paths: MigrationPaths; name: string | undefined; createOnly: boolean };

function redact(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function list(names: string[]): string {
  return names.length === 0 ? "  (none)" : names.map((n) => `  - ${n}`).join("\n");
}

function stopwatch(): () => string {
  const started = performance.now();
  return () => `${Math.round(performance.now() - started)} ms`;
}

async function deploy({ databaseUrl, paths }: Command): Promise<number> {
  const elapsed = stopwatch();
  const { applied, createdDatabase } = await migrateDeploy(databaseUrl, paths);
  if (createdDatabase) console.log(`Created database ${redact(databaseUrl)}`);
  console.log(
    applied.length === 0
      ? `No pending migrations (${elapsed()}).`
      : `Applied ${applied.length} migration(s) (${elapsed()}):\n${list(applied)}`,
  );
  return 0;
}

async function status({ databaseUrl, paths }: Command): Promise<number> {
  const elapsed = stopwatch();
  const result = await migrateStatus(databaseUrl, paths);
  console.log(`${result.migrations.length} migration(s) found in ${paths.migrationsDir}.`);
  if (result.upToDate) {
    console.log(`Database schema is up to date (${elapsed()}).`);
    return 0;
  }
  if (result.pending.length > 0) console.log(`Not yet applied:\n${list(result.pending)}`);
  if (result.unknownApplied.length > 0)
    console.log(`Applied but not on disk:\n${list(result.unknownApplied)}`);
  if (result.failed.length > 0) console.log(`Failed:\n${list(result.failed)}`);
  if (result.edited.length > 0) console.log(`Edited after being applied:\n${list(result.edited)}`);
  return 1;
}

async function dev({ databaseUrl, paths, name, createOnly }: Command): Promise<number> {
  if (name === undefined) {
    console.error("dev needs --name <name>");
    return EXIT_USAGE;
  }
  const elapsed = stopwatch();
  const result = await migrateDev(databaseUrl, { name, createOnly }, paths);
  console.log(
    result.created === null
      ? "schema.prisma has no changes that need a migration."
      : `Created ${join(paths.migrationsDir, result.created, "migration.sql")}`,
  );
  if (result.applied.length > 0) console.log(`Applied:\n${list(result.applied)}`);
  console.log(`Done in ${elapsed()}.`);
  return 0;
}

async function check({ databaseUrl, paths }: Command): Promise<number> {
  const elapsed = stopwatch();
  const result = await migrateCheck(databaseUrl, paths);
  if (result.inSync) {
    console.log(`Migrations match schema.prisma (${elapsed()}).`);
    return 0;
  }
  console.error(
    "schema.prisma has changes that no migration creates. Run `pnpm --filter @toolgate/db migrate dev --name <name>` " +
      `and commit the result.\n\n${result.summary}`,
  );
  return EXIT_SCHEMA_DRIFT;
}

const commands: Record<string, (command: Command) => Promise<number>> = { deploy, status, dev, check };

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "create-only": { type: "boolean", default: false },
      schema: { type: "string" },
      migrations: { type: "string" },
    },
  });
  const handler = commands[positionals[0] ?? ""];
  if (handler === undefined || positionals.length !== 1) {
    console.error(USAGE);
    return EXIT_USAGE;
  }
  return handler({
    databaseUrl: envSchema.parse(process.env).DATABASE_URL,
    paths: {
      schemaPath: values.schema === undefined ? defaultPaths.schemaPath : resolve(values.schema),
      migrationsDir:
        values.migrations === undefined ? defaultPaths.migrationsDir : resolve(values.migrations),
    },
    name: values.name,
    createOnly: values["create-only"],
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof DbError ? `${error.code}: ${error.message}` : error);
    if (error instanceof Error && error.cause instanceof Error)
      console.error(`cause: ${error.cause.message}`);
    process.exitCode = 1;
  },
);
