const shim = new URL("./fs-with-glob.mjs", import.meta.url).href;

/** Resolves the CLI's own `fs` import to the shim; everything else resolves as usual. */
export async function resolve(specifier, context, next) {
  const fromCli = context.parentURL?.includes("/@modelcontextprotocol/conformance/") ?? false;
  if (fromCli && (specifier === "fs" || specifier === "node:fs")) return { url: shim, shortCircuit: true };
  return next(specifier, context);
}
