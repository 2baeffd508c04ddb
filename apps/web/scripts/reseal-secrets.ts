// Re-seals stored secrets with the first key of TOOLGATE_SECRET_KEY. Rotation: set
// TOOLGATE_SECRET_KEY=<new>,<old> everywhere, restart, run this, then drop <old> from the list.
import { createDb } from "@toolgate/db";
import { parseSecretKeys } from "@toolgate/secrets";
import { z } from "zod";
import { resealServerHeaders } from "../src/server/servers/reseal-server-headers";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/toolgate"),
  TOOLGATE_SECRET_KEY: z
    .string()
    .min(1, "TOOLGATE_SECRET_KEY is required: the new key first, then the old ones."),
});

const env = envSchema.parse(process.env);
const db = createDb(env.DATABASE_URL);
try {
  const report = await resealServerHeaders(db, parseSecretKeys(env.TOOLGATE_SECRET_KEY));
  console.log(
    `Server headers: ${report.sealed} sealed, ${report.resealed} re-sealed with the current key, ${report.unreadable.length} unreadable.`,
  );
  for (const { serverId, reason } of report.unreadable) console.error(`  ${serverId}: ${reason}`);
  process.exitCode = report.unreadable.length > 0 ? 1 : 0;
} finally {
  await db.$disconnect();
}
