import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/toolgate"),
  // The dashboard's public URL (next-auth reads it too); invite links are built from it when set.
  AUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  // Unset or empty: single-node mode, login attempts counted in this process (one dashboard process).
  REDIS_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
  // The gateway's Redis Cluster ("host:port,host:port,…"), when it runs on one: the webhook queue shared
  // with the gateway's worker is then there (hash-tagged like the gateway's queues).
  REDIS_CLUSTER_NODES: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .transform((list) =>
        list
          .split(",")
          .map((node) => node.trim())
          .filter((node) => node.length > 0),
      )
      .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, "each node is host:port")).min(1))
      .transform((nodes) =>
        nodes.map((node) => {
          const at = node.lastIndexOf(":");
          return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
        }),
      )
      .optional(),
  ),
  // Keeps this installation's Redis keys apart from others on the same Redis (default: from the database).
  TOOLGATE_NAMESPACE: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  AUTH_SECRET: z
    .string()
    .min(16, "AUTH_SECRET must be at least 16 characters (e.g. `openssl rand -base64 32`)."),
  TOOLGATE_SECRET_KEY: z
    .string()
    .refine(
      (value) => value.split(",").every((key) => Buffer.from(key.trim(), "base64").length === 32),
      "TOOLGATE_SECRET_KEY must be 32 bytes as base64 (while rotating: new key first, then old ones, comma-separated).",
    ),
  TOOLGATE_GATEWAY_URL: z
    .string()
    .url()
    .default("http://localhost:4000")
    .transform((url) => url.replace(/\/+$/, "")),
  // Where the dashboard reaches its authorization server process (src/oauth-server/main.ts).
  TOOLGATE_OAUTH_INTERNAL_URL: z.url().default("http://127.0.0.1:3100"),
  // The BullMQ queue shared with the gateway, whose worker delivers webhooks (default webhooks-<namespace>).
  TOOLGATE_WEBHOOK_QUEUE: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
  // The public catalogue's server records (apps/web/catalogue/servers when unset).
  TOOLGATE_CATALOGUE_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  TOOLGATE_ALLOW_PRIVATE_UPSTREAMS: z
    .enum(["0", "1", ""])
    .default("0")
    .transform((flag) => flag === "1"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The app's environment, parsed once; parsing is lazy so `next build` needs no secrets. */
export function getEnv(): Env {
  if (cached === undefined) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid environment for apps/web:\n  ${problems.join("\n  ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}
