// server-everything over stdio that only starts reading after `node slow-start-everything.mjs <delay ms>`:
// a server as slow to start as one on a loaded machine, deterministically.
const delayMs = Number(process.argv[2] ?? "0");
await new Promise((resolve) => setTimeout(resolve, delayMs));
await import(
  new URL(
    "../../node_modules/@modelcontextprotocol/server-everything/dist/transports/stdio.js",
    import.meta.url,
  ).href
);
