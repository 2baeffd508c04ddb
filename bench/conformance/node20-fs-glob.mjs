// The conformance CLI imports fs.globSync, which Node 20 lacks (it came in Node 22). Preloaded with
// `node --import`, this hands the CLI a node:fs with a small globSync for "dir/*.ext" patterns.
import { register } from "node:module";

register("./fs-glob-hooks.mjs", import.meta.url);
