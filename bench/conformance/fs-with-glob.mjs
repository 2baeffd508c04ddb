import fs from "node:fs";
import path from "node:path";

export * from "node:fs";
export default fs;

const escapeRegExp = (text) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** fs.globSync for patterns whose wildcards are in the last path segment only. */
export function globSync(pattern, options = {}) {
  if (typeof fs.globSync === "function") return fs.globSync(pattern, options);
  const cwd = options.cwd ?? process.cwd();
  const dir = path.dirname(pattern);
  const matcher = new RegExp(`^${path.basename(pattern).split("*").map(escapeRegExp).join(".*")}$`);
  const absolute = path.resolve(cwd, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute)
    .filter((name) => matcher.test(name))
    .map((name) => path.join(dir, name));
}
