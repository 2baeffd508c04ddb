// Local configuration for npm start / npm test: URLs, ports and generated secrets.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { repoRoot } from "./run.mjs";

export const stateDir = resolve(repoRoot, ".toolgate");

/** Secrets generated once per checkout and kept in .toolgate/secrets.json (git-ignored). */
export function loadOrCreateSecrets() {
  mkdirSync(stateDir, { recursive: true });
  const file = resolve(stateDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOOLGATE_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * The environment for the whole stack. With respectShell (npm start), variables already set in the
 * shell win; tests ignore the shell so they can never touch a real database by accident. Explicit
 * databaseUrl/redisUrl (from resolveServices) replace the local defaults.
 */
export function stackEnv({ databaseName, ports, respectShell, databaseUrl, redisUrl }) {
  const secrets = loadOrCreateSecrets();
  const env = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl ?? `postgresql://postgres@127.0.0.1:5432/${databaseName}`,
    // "" means none: single-node mode (limits in process, call-log queue in Postgres).
    REDIS_URL: redisUrl ?? "redis://127.0.0.1:6379",
    AUTH_SECRET: secrets.AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    TOOLGATE_SECRET_KEY: secrets.TOOLGATE_SECRET_KEY,
    // Self-hosted/dev default: the demo upstream runs on this machine.
    TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: "1",
    TOOLGATE_GATEWAY_URL: `http://localhost:${ports.gateway}`,
    AUTH_URL: `http://localhost:${ports.web}`,
    // OAuth sign-in names the dashboard as authorization server (it runs in its own process);
    // approve/deny links in approval webhooks open the dashboard.
    TOOLGATE_DASHBOARD_URL: `http://localhost:${ports.web}`,
    TOOLGATE_OAUTH_INTERNAL_URL: `http://127.0.0.1:${ports.oauth}`,
    // stacks of different checkouts share a Redis: one webhook queue per database
    TOOLGATE_WEBHOOK_QUEUE: `webhooks-${databaseName}`,
    DEMO_UPSTREAM_URL: `http://127.0.0.1:${ports.upstream}/mcp`,
    TOOLGATE_ALLOWED_ORIGINS: `http://localhost:${ports.web},http://127.0.0.1:${ports.web}`,
  };
  if (respectShell) {
    for (const key of Object.keys(env)) {
      if (process.env[key] !== undefined && process.env[key] !== "") env[key] = process.env[key];
    }
  }
  return env;
}
