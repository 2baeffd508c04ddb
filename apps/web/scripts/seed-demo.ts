// Seeds the demo organisation through the dashboard's own services and writes its details
// (login, gateway URL, grant token) to DEMO_OUTPUT. Running it again reuses what exists.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@toolgate/db";
import { parseSecretKey } from "@toolgate/secrets";
import { z } from "zod";
import { ensureDemoApiKey } from "../src/server/api-keys/ensure-demo-api-key";
import { seedDemo } from "../src/server/demo/seed-demo";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const seedEnvSchema = z.object({
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/toolgate"),
  TOOLGATE_SECRET_KEY: z.string().min(1, "TOOLGATE_SECRET_KEY is required to seal upstream headers."),
  TOOLGATE_GATEWAY_URL: z
    .url()
    .default("http://localhost:4000")
    .transform((url) => url.replace(/\/+$/, "")),
  TOOLGATE_DASHBOARD_URL: z.url().default("http://localhost:3000"),
  DEMO_PASSWORD: z.string().min(10).default("toolgate-demo-1"),
  DEMO_UPSTREAM_URL: z.url().default("http://127.0.0.1:4100/mcp"),
  DEMO_OUTPUT: z.string().min(1).default(resolve(repoRoot, ".toolgate/demo.json")),
});

const previousOutputSchema = z.object({ token: z.string().min(1), apiKey: z.string().min(1).optional() });

function readPreviousOutput(path: string): z.infer<typeof previousOutputSchema> | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = previousOutputSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    // An unreadable previous output only means a new grant is made.
    return null;
  }
}

const env = seedEnvSchema.parse(process.env);
const db = createDb(env.DATABASE_URL);
const previous = readPreviousOutput(env.DEMO_OUTPUT);
try {
  const details = await seedDemo(
    {
      db,
      secretKey: parseSecretKey(env.TOOLGATE_SECRET_KEY),
      allowPrivateUpstreams: true,
      gatewayUrl: env.TOOLGATE_GATEWAY_URL,
    },
    {
      email: "demo@toolgate.dev",
      organisationName: "Demo",
      password: env.DEMO_PASSWORD,
      upstreamUrl: env.DEMO_UPSTREAM_URL,
      dashboardUrl: env.TOOLGATE_DASHBOARD_URL,
      policyText: readFileSync(new URL("../src/fixtures/canonical-policy.json", import.meta.url), "utf8"),
      previousToken: previous?.token ?? null,
    },
  );
  // An admin API key for the REST API and the `toolgate` CLI, reused while it stays active.
  const apiKey = await ensureDemoApiKey(db, {
    tenantSlug: details.tenantSlug,
    label: "demo-cli",
    previousKey: previous?.apiKey ?? null,
  });
  const apiUrl = `${env.TOOLGATE_DASHBOARD_URL.replace(/\/+$/, "")}/api/v1`;
  const output = `${JSON.stringify({ ...details, apiUrl, apiKey }, null, 2)}\n`;
  mkdirSync(dirname(env.DEMO_OUTPUT), { recursive: true });
  writeFileSync(env.DEMO_OUTPUT, output, { mode: 0o600 });
  process.stdout.write(output);
} finally {
  await db.$disconnect();
}
