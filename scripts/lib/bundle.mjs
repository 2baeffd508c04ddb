// Compiles a Node entry point to one ES module with esbuild: the workspace packages (TypeScript
// source) are bundled in; every real npm dependency stays an import, so native and wasm parts
// (Prisma, pg, BullMQ, ioredis, undici, pino) load from node_modules as usual.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";

const workspaceScope = "@toolgate/";

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function isBare(specifier) {
  return !specifier.startsWith(".") && !specifier.startsWith("/") && !specifier.startsWith("node:");
}

/** Whether `name` resolves from `dir` the way Node resolves it at run time (node_modules upwards). */
function resolvableFrom(dir, name) {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, "node_modules", name, "package.json"))) return true;
    if (dirname(current) === current) return false;
  }
}

const externalDependencies = {
  name: "external-dependencies",
  setup(onBuild) {
    onBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!isBare(args.path) || args.path.startsWith(workspaceScope)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Bundles `entryPoints` (relative to `packageDir`) into `packageDir/dist` with source maps.
 * Fails when a dependency a bundled workspace package imports cannot be found from `packageDir`
 * (the compiled file runs from there, so the package must list it among its own dependencies).
 */
export async function bundleNode({ packageDir, entryPoints, banner }) {
  const result = await build({
    absWorkingDir: packageDir,
    entryPoints,
    outdir: resolve(packageDir, "dist"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
    banner: banner ? { js: banner } : undefined,
    plugins: [externalDependencies],
  });
  // Only the imports left in the output count (esbuild drops those of tree-shaken modules).
  const kept = new Set(
    Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports
        .filter((entry) => entry.external && isBare(entry.path))
        .map((entry) => packageName(entry.path)),
    ),
  );
  const missing = [...kept].filter((name) => !resolvableFrom(packageDir, name)).sort();
  if (missing.length > 0) {
    throw new Error(
      `${packageDir}: the bundle imports ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not installed for this package; add ${missing.length === 1 ? "it" : "them"} to its dependencies.`,
    );
  }
  return { externals: [...kept].sort(), outputs: Object.keys(result.metafile.outputs) };
}
