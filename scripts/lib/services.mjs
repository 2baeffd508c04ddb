// Makes sure PostgreSQL and Redis are reachable, starting local installs that are stopped.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { relative, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "./run.mjs";

/** True when something accepts TCP connections on host:port. */
export function isListening(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function has(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await isListening(host, port)) return true;
    await sleep(250);
  }
  return false;
}

function hostPort(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname || "127.0.0.1", port: Number(parsed.port || defaultPort) };
}

/** Ensures Postgres answers at the URL's host/port; starts a stopped Debian cluster; explains what is missing. */
export async function ensurePostgres(databaseUrl) {
  const { host, port } = hostPort(databaseUrl, 5432);
  if (await isListening(host, port)) return;
  const isLocal = host === "127.0.0.1" || host === "localhost";
  if (isLocal && has("pg_ctlcluster")) {
    let versions = [];
    try {
      versions = readdirSync("/etc/postgresql");
    } catch {
      versions = [];
    }
    let started = false;
    for (const version of versions) {
      console.log(`Starting PostgreSQL ${version} (pg_ctlcluster)…`);
      const result = spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], {
        stdio: "inherit",
      });
      started ||= result.status === 0;
    }
    // A cluster that was already running but does not answer here will not start answering.
    if (started && (await waitFor(host, port, 20))) return;
  }
  throw new Error(
    `PostgreSQL is not reachable at ${host}:${port}.\n` +
      "Install PostgreSQL 15+ (Debian/Ubuntu: `sudo apt-get install postgresql`) and start it, or point DATABASE_URL at a server " +
      "(the role needs CREATEDB, e.g. postgresql://postgres@127.0.0.1:5432/toolgate).",
  );
}

/** Ensures Redis answers at the URL's host/port; starts a local redis-server that is installed but stopped. */
export async function ensureRedis(redisUrl) {
  const { host, port } = hostPort(redisUrl, 6379);
  if (await isListening(host, port)) return;
  const isLocal = host === "127.0.0.1" || host === "localhost";
  if (isLocal && has("redis-server")) {
    console.log("Starting Redis (redis-server --daemonize yes)…");
    spawnSync(
      "redis-server",
      [
        "--daemonize",
        "yes",
        "--bind",
        "127.0.0.1",
        "--port",
        String(port),
        "--save",
        "",
        "--appendonly",
        "no",
      ],
      { stdio: "inherit" },
    );
    if (await waitFor(host, port, 10)) return;
  }
  throw new Error(
    `Redis is not reachable at ${host}:${port}.\n` +
      "Install Redis 7 (Debian/Ubuntu: `sudo apt-get install redis-server`) and start it, or point REDIS_URL at a server.",
  );
}

const DEFAULT_POSTGRES = { host: "127.0.0.1", port: 5432 };
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** The URL without its password, for printing. */
export function redactUrl(url) {
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "***";
  return parsed.toString();
}

async function quietly(ensure) {
  try {
    await ensure();
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides where data lives. PostgreSQL: DATABASE_URL when set; else a local server on 5432 (started
 * when installed but stopped); else the embedded one in `embeddedDataDir`. Redis: REDIS_URL when
 * set; else one answering on 6379; else none (single-node mode).
 * `forceEmbedded` skips the local servers (TOOLGATE_MODE=embedded, and the tests of that mode).
 * Returns the URLs (REDIS_URL "" for none), one line per service for people, and stop().
 */
export async function resolveServices({ databaseName, embeddedDataDir, shell = {}, forceEmbedded = false }) {
  const lines = {};
  let databaseUrl;
  let embedded;
  if (shell.DATABASE_URL) {
    databaseUrl = shell.DATABASE_URL;
    await ensurePostgres(databaseUrl);
    lines.postgres = `${redactUrl(databaseUrl)} (DATABASE_URL)`;
  } else {
    const local = `postgresql://postgres@${DEFAULT_POSTGRES.host}:${DEFAULT_POSTGRES.port}/${databaseName}`;
    if (!forceEmbedded && (await quietly(() => ensurePostgres(local)))) {
      databaseUrl = local;
      lines.postgres = `local server, ${redactUrl(local)}`;
    } else {
      const { startEmbeddedPostgres } = await import("./embedded-postgres.mjs");
      embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir });
      databaseUrl = embedded.url(databaseName);
      const inside = relative(process.cwd(), embedded.dataDir);
      const shown = inside === "" || inside.startsWith("..") ? embedded.dataDir : inside;
      lines.postgres = `embedded, ${shown} (127.0.0.1:${embedded.port}, database ${databaseName})`;
    }
  }

  let redisUrl = "";
  if (shell.REDIS_URL) {
    redisUrl = shell.REDIS_URL;
    await ensureRedis(redisUrl);
    lines.redis = `${redactUrl(redisUrl)} (REDIS_URL)`;
  } else if (!forceEmbedded && (await isListening("127.0.0.1", 6379))) {
    redisUrl = DEFAULT_REDIS_URL;
    lines.redis = `local server, ${DEFAULT_REDIS_URL}`;
  } else {
    lines.redis = "none — single-node mode; set REDIS_URL to run several gateways";
  }
  return {
    databaseUrl,
    redisUrl,
    embedded: embedded !== undefined,
    lines,
    stop: () => embedded?.stop(),
  };
}

/**
 * Drops the database named in `databaseUrl` (if it exists) so the next migrate deploy creates it
 * empty. The journeys run against a fresh database every time, as on a new machine; what an earlier
 * run left (e.g. servers published to the public catalogue) cannot change what they see.
 */
export async function dropDatabase(databaseUrl) {
  const require = createRequire(resolve(repoRoot, "packages/db/package.json"));
  const { Client } = require("pg");
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
