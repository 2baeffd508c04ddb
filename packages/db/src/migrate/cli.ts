// Toolgate's stand-in for `prisma migrate …` (the native engine cannot be downloaded here).
// Usage: tsx packages/db/src/migrate/cli.ts deploy | status | dev --name <name> [--create-only] | check
import { parseArgs } from "node:util";
import { z } from "zod";
import { DbError } from "../errors";
import { migrateCheck } from "./migrate-check";
import { migrateDeploy } from "./migrate-deploy";
import { migrateDev } from "./migrate-dev";
import { migrateStatus } from "./migrate-status";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/toolgate";
const USAGE = "usage: migrate deploy | status | dev --name <name> [--create-only] | check";

const envSchema = z.object({ DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL) });

function redact(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function list(names: string[]): string {
  return names.length === 0 ? "  (none)" : names.map((n) => `  - ${n}`).join("\n");
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, "create-only": { type: "boolean", default: false } },
  });
  const { DATABASE_URL: databaseUrl } = envSchema.parse(process.env);
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  switch (positionals[0]) {
    case "deploy": {
      const { applied, createdDatabase } = await migrateDeploy(databaseUrl);
      if (createdDatabase) console.log(`Created database ${redact(databaseUrl)}`);
      console.log(
        applied.length === 0
          ? `No pending migrations (${elapsed()}).`
          : `Applied ${applied.length} migration(s) (${elapsed()}):\n${list(applied)}`,
      );
      return 0;
    }
    case "status": {
      const status = await migrateStatus(databaseUrl);
      console.log(`${status.migrations.length} migration(s) found in prisma/migrations.`);
      if (status.upToDate) {
        console.log(`Database schema is up to date (${elapsed()}).`);
        return 0;
      }
      if (status.pending.length > 0) console.log(`Not yet applied:\n${list(status.pending)}`);
      if (status.unknownApplied.length > 0)
        console.log(`Applied but not on disk:\n${list(status.unknownApplied)}`);
      if (status.failed.length > 0) console.log(`Failed:\n${list(status.failed)}`);
      if (status.edited.length > 0) console.log(`Edited after being applied:\n${list(status.edited)}`);
      return 1;
    }
    case "dev": {
      if (values.name === undefined) {
        console.error("dev needs --name <name>");
        return 64;
      }
      const result = await migrateDev(databaseUrl, { name: values.name, createOnly: values["create-only"] });
      console.log(
        result.created === null
          ? "schema.prisma has no changes that need a migration."
          : `Created prisma/migrations/${result.created}/migration.sql`,
      );
      if (result.applied.length > 0) console.log(`Applied:\n${list(result.applied)}`);
      console.log(`Done in ${elapsed()}.`);
      return 0;
    }
    case "check": {
      const result = await migrateCheck(databaseUrl);
      if (result.inSync) {
        console.log(`Migrations match schema.prisma (${elapsed()}).`);
        return 0;
      }
      console.error(
        `schema.prisma has changes that no migration creates. Run \`pnpm --filter @toolgate/db migrate dev --name <name>\` and commit the result.\n\n${result.summary}`,
      );
      return 2;
    }
    default:
      console.error(USAGE);
      return 64;
  }
}

run(process.argv.slice(2)).then(
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
