// Makes sure PostgreSQL and Redis are reachable, starting local installs that are stopped.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

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
    for (const version of versions) {
      console.log(`Starting PostgreSQL ${version} (pg_ctlcluster)…`);
      spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], {
        stdio: "inherit",
      });
    }
    if (await waitFor(host, port, 20)) return;
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
