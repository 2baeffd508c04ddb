import { ColumnTypeEnum, type SqlResultSet } from "@prisma/driver-adapter-utils";
import type pg from "pg";

// Postgres' internal one-byte `"char"` type (pg_class.relkind, pg_constraint.contype…), which the
// schema engine reads from the catalogue and @prisma/adapter-pg refuses ("could not be deserialized").
const CHAR_OID = 18;
const TEXT_OID = 25;

// Result rows that held "char" columns, with those columns' positions. Keyed by the rows array,
// which the adapter passes through unchanged, so concurrent queries cannot mix their marks.
const charColumnsByRows = new WeakMap<object, number[]>();

function isQueryResult(value: unknown): value is pg.QueryResult {
  return typeof value === "object" && value !== null && "fields" in value && "rows" in value;
}

// Relabels "char" fields as text so the adapter reads them, remembering where they were.
function relabelCharFields(result: unknown): void {
  if (!isQueryResult(result) || !Array.isArray(result.fields)) return;
  const positions: number[] = [];
  result.fields.forEach((field, i) => {
    if (field.dataTypeID === CHAR_OID) {
      field.dataTypeID = TEXT_OID;
      positions.push(i);
    }
  });
  if (positions.length > 0) charColumnsByRows.set(result.rows, positions);
}

/** Types the relabelled columns as one-character strings, as the schema engine expects. */
export function restoreCharColumns(set: SqlResultSet): SqlResultSet {
  const positions = charColumnsByRows.get(set.rows);
  if (positions === undefined) return set;
  const columnTypes = [...set.columnTypes];
  for (const i of positions) columnTypes[i] = ColumnTypeEnum.Character;
  return { ...set, columnTypes };
}

function withRelabelledQuery<T extends object>(target: T, extra?: (prop: string | symbol) => unknown): T {
  return new Proxy(target, {
    get(obj, prop) {
      const own = extra?.(prop);
      if (own !== undefined) return own;
      const value: unknown = Reflect.get(obj, prop, obj);
      if (prop === "query" && typeof value === "function") {
        return (...args: unknown[]) => {
          const result: unknown = Reflect.apply(value, obj, args);
          return result instanceof Promise
            ? result.then((r: unknown) => {
                relabelCharFields(r);
                return r;
              })
            : result;
        };
      }
      return typeof value === "function" ? value.bind(obj) : value;
    },
  });
}

/** Wraps a pool (and the clients it lends) so "char" columns are relabelled before the adapter sees them. */
export function relabelCharColumns(pool: pg.Pool): pg.Pool {
  return withRelabelledQuery(pool, (prop) => {
    if (prop !== "connect") return undefined;
    return async () => withRelabelledQuery(await pool.connect());
  });
}
