import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { MigrationError } from "../errors";
import type { DatabaseTarget } from "./database-target";
import { MigrationAdapterFactory } from "./migration-adapter";

export type SchemaEngine = bindings.SchemaEngine;

let started = false;

// Node has WebAssembly at run time, but its types come from the DOM lib, which only some of the
// packages importing this one load: describe just what is used here instead of relying on either.
type WasmRuntime = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Record<string, unknown> };
};
const wasmRuntime = (globalThis as unknown as { WebAssembly: WasmRuntime }).WebAssembly;

// The engine arms 10 s timers it never clears; unref them so a finished command exits at once.
function withUnrefTimers(glue: Record<string, unknown>): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof fn !== "function") continue;
    imports[name] = (...args: unknown[]) => {
      const timer: unknown = Reflect.apply(fn, undefined, args);
      if (
        typeof timer === "object" &&
        timer !== null &&
        "unref" in timer &&
        typeof timer.unref === "function"
      ) {
        timer.unref();
      }
      return timer;
    };
  }
  return imports;
}

// Node 20 cannot `import` a .wasm file: compile it ourselves and hand it to the JS glue, once per process.
function startWasm(): void {
  if (started) return;
  const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const module = new wasmRuntime.Module(readFileSync(join(dirname(gluePath), "schema_engine_bg.wasm")));
  const instance = new wasmRuntime.Instance(module, { "./schema_engine_bg.js": withUnrefTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== "function")
    throw new MigrationError("The schema engine's wasm has no start function.");
  start();
  started = true;
}

/** A schema engine connected to `target` through the pg adapter, with `schema` as its datamodel. */
export async function loadEngine(
  target: DatabaseTarget,
  schema: { path: string; content: string },
  log: (message: string) => void = () => {},
): Promise<{
  engine: SchemaEngine;
  toMigrationError: (error: unknown) => MigrationError;
  close: () => Promise<void>;
}> {
  startWasm();
  const factory = new MigrationAdapterFactory(target);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  // JS errors thrown inside the adapter reach us only as "External error id#N"; recover the original
  const toMigrationError = (error: unknown): MigrationError => {
    if (error instanceof MigrationError) return error;
    const message = errorMessage(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const original: unknown =
      id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id))?.error;
    if (original instanceof MigrationError) return original;
    return original === undefined
      ? new MigrationError(message, { cause: error })
      : new MigrationError(errorMessage(original), { cause: original });
  };
  try {
    const engine = await bindings.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      log,
      adapter,
    );
    const close = async () => {
      engine.free();
      await factory.close();
    };
    return { engine, toMigrationError, close };
  } catch (error) {
    await factory.close();
    const failure = toMigrationError(error);
    throw new MigrationError(`Could not start the schema engine: ${failure.message}`, {
      cause: failure.cause,
    });
  }
}

/** The message of whatever the engine threw (it throws plain objects as well as Errors). */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}
