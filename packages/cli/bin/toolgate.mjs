#!/usr/bin/env node
// The CLI ships TypeScript source; tsx compiles it on the fly so `npx toolgate` needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
