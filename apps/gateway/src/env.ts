import { z } from "zod";

const flag = (fallback: "0" | "1") =>
  z
    .enum(["0", "1", "true", "false"])
    .default(fallback)
    .transform((value) => value === "1" || value === "true");

// An empty variable counts as unset (the scripts pass REDIS_URL="" for single-node mode).
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/toolgate"),
  // Unset: single-node mode (limits in this process, call-log queue in Postgres); one gateway only.
  REDIS_URL: optional(z.string().url()),
  // Redis Cluster instead of one Redis: "host:port,host:port,…" (some of its nodes; the rest are
  // discovered). Limits and the call-log queue then use ioredis Cluster. Not together with REDIS_URL.
  REDIS_CLUSTER_NODES: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(",")
          .map((node) => node.trim())
          .filter((node) => node.length > 0),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^[^\s:]+:\d{1,5}$/, "each node is host:port")
              .transform((node) => {
                const at = node.lastIndexOf(":");
                return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
              }),
          )
          .min(1, "name at least one node (host:port)"),
      ),
  ),
  TOOLGATE_SECRET_KEY: z.string({ error: "TOOLGATE_SECRET_KEY is required (32 bytes, base64)." }).min(1),
  TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: flag("0"),
  TOOLGATE_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    ),
  // OAuth sign-in: the dashboard's public URL (each tenant's authorization server).
  TOOLGATE_DASHBOARD_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  // The gateway's public address (as the dashboard shows it): its host name is accepted in Host headers,
  // and with OAuth it is the URL tokens are bound to.
  TOOLGATE_GATEWAY_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional()),
  // More host names the gateway is reached by (e.g. behind a load balancer), comma-separated.
  TOOLGATE_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((host) => host.trim())
        .filter((host) => host.length > 0),
    ),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  TOOLGATE_RUN_LOG_WORKER: flag("1"),
  TOOLGATE_MAX_INFLIGHT_PER_TENANT: z.coerce.number().int().min(1).default(64),
  // Fair share: open GET streams and calls held for approval have per-tenant caps of their own.
  TOOLGATE_MAX_STREAMS_PER_TENANT: z.coerce.number().int().min(1).default(64),
  TOOLGATE_MAX_HELD_APPROVALS_PER_TENANT: z.coerce.number().int().min(1).default(100),
  // Requests of one tenant waiting for their turn while a burst keeps the gateway busy; more get 429.
  TOOLGATE_MAX_WAITING_PER_TENANT: z.coerce.number().int().min(1).default(1_024),
  TOOLGATE_STREAM_IDLE_S: z.coerce.number().int().min(1).default(300),
  // Connections waiting to be accepted. Node's default (511) overflows when one client opens a thousand
  // at once: the kernel then drops new connections of every tenant and their clients retry a second
  // later. Linux caps it at net.core.somaxconn (4096 on current kernels).
  TOOLGATE_LISTEN_BACKLOG: z.coerce.number().int().min(1).max(65_535).default(4_096),
  // While Postgres is unreachable, cached tenants, grants and policies keep serving this long past their load.
  TOOLGATE_CACHE_STALE_MAX_S: z.coerce.number().int().min(0).default(900),
  // Change notifications keep cached servers, grants, policies and pins fresh; the TTL only bounds how
  // stale one missed notification can leave an entry. Entries per cache: above the tenants one gateway serves.
  TOOLGATE_CACHE_TTL_S: z.coerce.number().int().min(1).default(300),
  TOOLGATE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(100).default(100_000),
  // Servers that are local processes: self-hosted only, never in SaaS mode.
  TOOLGATE_ALLOW_STDIO: flag("0"),
  TOOLGATE_MAX_STDIO_PROCESSES: z.coerce.number().int().min(1).default(20),
  // How long a limit check may wait for Redis before the call fails closed (and the limiter degrades).
  TOOLGATE_LIMITER_TIMEOUT_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  // Keeps this installation's Redis keys and queue apart from others on the same Redis; derived
  // from the database when unset (installationNamespace).
  TOOLGATE_NAMESPACE: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  // Default: `call-logs-<namespace>`. Gateways that share a Redis but not a database need separate
  // queues, or one's worker takes the other's logs.
  TOOLGATE_CALL_LOG_QUEUE: optional(z.string().min(1)),
  // Call logs are buffered and queued as one batch this often (or at 1,000 records); every batch costs
  // a few Redis and Postgres round trips, so fewer, larger batches cost the gateway less CPU per call.
  // A crash loses at most this much of the buffered records.
  TOOLGATE_CALL_LOG_FLUSH_MS: z.coerce.number().int().min(1).max(5_000).default(200),
  // Keep-alive progress of a call held for approval; well under the 60 s request timeout of SDK clients.
  TOOLGATE_APPROVAL_KEEPALIVE_MS: z.coerce.number().int().min(1_000).max(300_000).default(15_000),
  // Webhooks: the queue shared with the dashboard (default `webhooks-<namespace>`), whether this process
  // delivers (the dashboard's public URL for links back to it is TOOLGATE_DASHBOARD_URL above).
  TOOLGATE_WEBHOOK_QUEUE: optional(z.string().min(1)),
  TOOLGATE_RUN_WEBHOOK_WORKER: flag("1"),
  // OpenTelemetry traces: off unless an OTLP/HTTP endpoint is set (the standard OTEL_* names).
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional(z.string().url()),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(z.string().url()),
  OTEL_SERVICE_NAME: z.string().min(1).default("toolgate-gateway"),
  // Prometheus: a listener of its own (loopback by default), and/or /metrics on the gateway port with a token.
  TOOLGATE_METRICS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  TOOLGATE_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  TOOLGATE_METRICS_TOKEN: optional(
    z.string().min(16, "TOOLGATE_METRICS_TOKEN must be at least 16 characters."),
  ),
  TOOLGATE_METRICS_TENANT_LABELS: flag("0"),
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const checkedEnvSchema = envSchema
  .refine(
    (env) =>
      env.TOOLGATE_METRICS_PORT === undefined ||
      LOOPBACK.has(env.TOOLGATE_METRICS_HOST) ||
      env.TOOLGATE_METRICS_TOKEN !== undefined,
    {
      path: ["TOOLGATE_METRICS_TOKEN"],
      message: "Metrics exposed beyond loopback (TOOLGATE_METRICS_HOST) need TOOLGATE_METRICS_TOKEN.",
    },
  )
  .refine((env) => env.REDIS_URL === undefined || env.REDIS_CLUSTER_NODES === undefined, {
    message: "set REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a Redis Cluster), not both",
    path: ["REDIS_CLUSTER_NODES"],
  });

export type Env = z.infer<typeof envSchema>;

/** The OTLP/HTTP traces URL, or undefined when tracing is off (the generic endpoint gets /v1/traces). */
export function otlpTracesUrl(env: Env): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT === undefined) return undefined;
  return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`;
}

/** Parses the gateway's environment once; throws one error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid gateway environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
