// Running commands from the plain-Node scripts (no dependencies: these run before install).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PNPM_VERSION = "10.34.8";

const useColor = process.stdout.isTTY;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
export const bold = (text) => paint(1, text);
export const green = (text) => paint(32, text);
export const red = (text) => paint(31, text);
export const dim = (text) => paint(2, text);

/** Prints a step heading with the time since the script started. */
const startedAt = Date.now();
export function step(title) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n${bold(`▶ ${title}`)} ${dim(`(${seconds}s)`)}`);
}

export class CommandError extends Error {
  constructor(command, status) {
    super(`Command failed (exit ${status}): ${command}`);
    this.status = status;
  }
}

// Children see the repo's own binaries (pnpm, turbo, tsx…) first.
const PATH = `${resolve(repoRoot, "node_modules/.bin")}:${process.env.PATH ?? ""}`;

/** Runs a command to completion with inherited output; throws CommandError on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: "inherit",
    ...options,
    env: { ...process.env, PATH, ...options.env },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new CommandError([command, ...args].join(" "), result.status ?? 1);
  return result;
}

/** Runs a command and returns its exit status without throwing. */
export function runStatus(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: "inherit",
    ...options,
    env: { ...process.env, PATH, ...options.env },
  });
  return result.status ?? 1;
}

/** Path of a binary installed in the root node_modules. */
export function bin(name) {
  return resolve(repoRoot, "node_modules/.bin", name);
}

/** pnpm, brought by npx at a pinned version (a new user only needs Node.js and npm). */
export function pnpm(args, options = {}) {
  return run("npx", ["--yes", `pnpm@${PNPM_VERSION}`, ...args], options);
}

/** Installs dependencies (frozen lockfile) and generates the Prisma client. */
export function installDependencies() {
  pnpm(["install", "--frozen-lockfile", "--reporter=append-only"], {
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  });
  run(process.execPath, [resolve(repoRoot, "packages/db/scripts/generate.mjs")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Starts a long-running process with its output prefixed; returns the child. */
export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    ...options,
    env: { ...process.env, PATH, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  const prefix = dim(`[${name}]`);
  const relay = (stream, target) => {
    let buffered = "";
    stream.on("data", (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (options.quiet !== true) target.write(`${prefix} ${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.name = name;
  return child;
}

export function fileExists(path) {
  return existsSync(resolve(repoRoot, path));
}
