// First-load JS per route from a Next build: root main files + the route's entry JS files, gzip sizes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const next = process.argv[2];
const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8"));
const sizeOf = (file) => gzipSync(readFileSync(join(next, file.replace(/^\/_next\//, "")))).length;
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name === "page_client-reference-manifest.js") out.push(path);
  }
  return out;
}
const rows = [];
for (const file of walk(join(next, "server/app"))) {
  globalThis.__RSC_MANIFEST = {};
  new Function(readFileSync(file, "utf8"))();
  for (const [route, manifest] of Object.entries(globalThis.__RSC_MANIFEST)) {
    const files = new Set(build.rootMainFiles);
    for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
    const total = [...files].reduce((sum, f) => sum + sizeOf(f), 0);
    rows.push([route.replace(/\/page$/, "") || "/", (total / 1024).toFixed(1)]);
  }
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
console.log("| route | first-load JS (kB gzip) |\n|---|---|");
for (const [r, kb] of rows) console.log(`| ${r} | ${kb} |`);
