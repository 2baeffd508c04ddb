import { createServer } from "node:http";
import { createDb } from "@toolgate/db";
import { parseSecretKey } from "@toolgate/secrets";
import { getEnv } from "../env";
import { createOAuthApp } from "./oauth-app";

// The tenants' authorization servers; the dashboard forwards /oauth/… and the well-known paths here.
const env = getEnv();
const internal = new URL(env.TOOLGATE_OAUTH_INTERNAL_URL);
const app = createOAuthApp({
  db: createDb(env.DATABASE_URL),
  secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
  dashboardUrl: (env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
  gatewayUrl: env.TOOLGATE_GATEWAY_URL,
  allowPrivate: env.TOOLGATE_ALLOW_PRIVATE_UPSTREAMS,
});
const server = createServer((req, res) => {
  app(req, res).catch((error: unknown) => {
    console.error("oauth server: request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "server_error" }));
  });
});
server.listen(Number(internal.port || 80), internal.hostname, () => {
  console.log(`oauth server listening on ${internal.host}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
