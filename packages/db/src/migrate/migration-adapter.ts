import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { MigrationError } from "../errors";
import { relabelCharColumns, restoreCharColumns } from "./char-columns";
import { type DatabaseTarget, quoteIdent } from "./database-target";

function poolConfig(target: DatabaseTarget): pg.PoolConfig {
  // fields, never a connectionString: pg would let the URL's database override `database`
  return { ...target, max: 4, application_name: "toolgate-migrate" };
}

async function assertDatabase(pool: pg.Pool, expected: string): Promise<void> {
  const result = await pool.query<{ name: string }>("SELECT current_database() AS name");
  const actual = result.rows[0]?.name;
  if (actual !== expected) {
    throw new MigrationError(
      `Connected to database "${actual}" instead of "${expected}"; refusing to continue.`,
    );
  }
}

function toDriverError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "",
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

function wrapTransaction(tx: Transaction): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: async (query: SqlQuery) => restoreCharColumns(await tx.queryRaw(query)),
    executeRaw: (query: SqlQuery) => tx.executeRaw(query),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  };
}

async function connectAdapter(
  target: DatabaseTarget,
  onDispose?: () => Promise<void>,
): Promise<SqlDriverAdapter> {
  const raw = new pg.Pool(poolConfig(target));
  try {
    await assertDatabase(raw, target.database);
  } catch (error) {
    await raw.end();
    throw error;
  }
  const inner = await new PrismaPg(relabelCharColumns(raw), { disposeExternalPool: true }).connect();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => restoreCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    // one simple-protocol round trip: Postgres runs a multi-statement script as one implicit
    // transaction, so a failing migration leaves nothing half-applied (the adapter splits on ";")
    executeScript: async (script) => {
      try {
        await raw.query(script);
      } catch (error) {
        throw toDriverError(error);
      }
    },
    startTransaction: async (isolationLevel) => wrapTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: () => inner.getConnectionInfo(),
    dispose: async () => {
      await inner.dispose();
      await onDispose?.();
    },
  };
}

/** The schema engine's database access: @prisma/adapter-pg, plus "char" columns and a safe shadow database. */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";

  // the engine does not dispose its main connection when freed; we close whatever is left
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly target: DatabaseTarget) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.track(connectAdapter(this.target));
  }

  /** Disposes every adapter the engine did not dispose itself (dropping leftover shadow databases). */
  async close(): Promise<void> {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
  }

  private async track(connecting: Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
    const adapter = await connecting;
    const tracked: SqlDriverAdapter = {
      ...adapter,
      dispose: async () => {
        if (!this.open.delete(tracked)) return;
        await adapter.dispose();
      },
    };
    this.open.add(tracked);
    return tracked;
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = new pg.Pool({ ...poolConfig(this.target), max: 1 });
    const drop = async () => {
      try {
        // FORCE: a connection the engine left behind must not keep the shadow alive
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadow)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    };
    try {
      await assertDatabase(admin, this.target.database);
      await admin.query(`CREATE DATABASE ${quoteIdent(shadow)}`);
      // the shadow's pool is closed by the adapter's dispose before we drop the database
      return await this.track(connectAdapter({ ...this.target, database: shadow }, drop));
    } catch (error) {
      await drop();
      throw error;
    }
  }
}
