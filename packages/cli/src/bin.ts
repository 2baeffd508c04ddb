// The compiled CLI's entry point (dist/toolgate.mjs).
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
