import { z } from "zod";

const flag = (fallback: "0" | "1") =>
  z
    .enum(["0", "1", "true", "false"])
    .default(fallback)
    .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().default("postgresql://postgres@127.0.0.1:5432/toolgate"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
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
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  TOOLGATE_RUN_LOG_WORKER: flag("1"),
  TOOLGATE_MAX_INFLIGHT_PER_TENANT: z.coerce.number().int().min(1).default(64),
  // Servers that are local processes: self-hosted only, never in SaaS mode.
  TOOLGATE_ALLOW_STDIO: flag("0"),
  TOOLGATE_MAX_STDIO_PROCESSES: z.coerce.number().int().min(1).default(20),
  // Gateways that share a Redis but not a database need separate queues, or one's worker takes the other's logs.
  TOOLGATE_CALL_LOG_QUEUE: z.string().min(1).default("call-logs"),
  // Webhooks: the queue shared with the dashboard, whether this process delivers, and links back to the dashboard.
  TOOLGATE_WEBHOOK_QUEUE: z.string().min(1).default("webhooks"),
  TOOLGATE_RUN_WEBHOOK_WORKER: flag("1"),
  TOOLGATE_DASHBOARD_URL: z.string().url().optional(),
  // OpenTelemetry traces: off unless an OTLP/HTTP endpoint is set (the standard OTEL_* names).
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default("toolgate-gateway"),
  // Prometheus: a listener of its own (loopback by default), and/or /metrics on the gateway port with a token.
  TOOLGATE_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  TOOLGATE_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  TOOLGATE_METRICS_TOKEN: z
    .string()
    .min(16, "TOOLGATE_METRICS_TOKEN must be at least 16 characters.")
    .optional(),
  TOOLGATE_METRICS_TENANT_LABELS: flag("0"),
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

const checkedEnvSchema = envSchema.refine(
  (env) =>
    env.TOOLGATE_METRICS_PORT === undefined ||
    LOOPBACK.has(env.TOOLGATE_METRICS_HOST) ||
    env.TOOLGATE_METRICS_TOKEN !== undefined,
  {
    path: ["TOOLGATE_METRICS_TOKEN"],
    message: "Metrics exposed beyond loopback (TOOLGATE_METRICS_HOST) need TOOLGATE_METRICS_TOKEN.",
  },
);

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
