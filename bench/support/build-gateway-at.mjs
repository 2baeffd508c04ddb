// Builds the gateway as it was at a git ref, for the B arm of `BENCH_AB` in bench/gateway-proxy.ts.
// The ref's apps/gateway and packages/ sources are taken with `git archive` (the checkout is not
// touched) and bundled like `npm run build` does; the output goes to apps/gateway/dist-ab/<commit>/ of
// this checkout, so the npm dependencies it imports load from this checkout's node_modules (a ref that
// changed dependency versions or the Prisma schema runs with the current ones). Prints the path of its main.mjs.
//   node bench/support/build-gateway-at.mjs <git-ref>
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
const ref = process.argv[2];
if (ref === undefined) throw new Error("usage: build-gateway-at.mjs <git-ref>");
const commit = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: root })
  .toString()
  .trim();
const outdir = join(root, "apps/gateway/dist-ab", commit.slice(0, 12));
const entry = join(outdir, "main.mjs");

if (!existsSync(entry)) {
  const source = mkdtempSync(join(tmpdir(), "toolgate-ab-"));
  try {
    const archive = execFileSync(
      "git",
      ["archive", "--format=tar", commit, "tsconfig.base.json", "apps/gateway/src", "packages"],
      {
        cwd: root,
        maxBuffer: 512 * 1024 * 1024,
      },
    );
    execFileSync("tar", ["-x", "-C", source], { input: archive });
    // The Prisma client is generated (git-ignored): this checkout's, so a ref that changed the schema needs a regenerate.
    const generated = "packages/db/src/generated";
    cpSync(join(root, generated), join(source, generated), { recursive: true });
    // Workspace packages from the ref's own sources; every npm dependency stays an import.
    const workspace = {
      name: "workspace-at-ref",
      setup(onBuild) {
        onBuild.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith("node:")) return undefined;
          const match = /^@toolgate\/([^/]+)$/.exec(args.path);
          if (match === null) return { path: args.path, external: true };
          const dir = join(source, "packages", match[1]);
          const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
          const main = typeof manifest.exports === "object" ? manifest.exports["."] : manifest.main;
          return { path: resolve(dir, main) };
        });
      },
    };
    await build({
      entryPoints: [join(source, "apps/gateway/src/main.ts")],
      outfile: entry,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      sourcemap: true,
      legalComments: "none",
      logLevel: "warning",
      plugins: [workspace],
    });
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}
console.log(entry);
