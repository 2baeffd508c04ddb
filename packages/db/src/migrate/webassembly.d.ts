// Node has WebAssembly at run time, but its types live in TypeScript's DOM lib, which
// this package does not load; declare just what load-engine.ts uses.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
