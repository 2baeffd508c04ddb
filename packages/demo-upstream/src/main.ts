import { z } from "zod";
import { startDemoUpstream } from "./start-demo-upstream";

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(4100),
    HOST: z.string().min(1).default("127.0.0.1"),
  })
  .parse(process.env);

const upstream = await startDemoUpstream({ port: env.PORT, host: env.HOST });
console.log(`Demo virtualization MCP server listening at ${upstream.url} (stats at /stats)`);

const shutdown = (signal: string) => {
  console.log(`${signal} received, closing the demo upstream`);
  upstream.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("[demo-upstream] failed to close cleanly", error);
      process.exit(1);
    },
  );
};
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));
