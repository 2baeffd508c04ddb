// Re-seals stored secrets (servers' upstream headers, webhook signing secrets) with the first key of
// TOOLGATE_SECRET_KEY. Rotation: set TOOLGATE_SECRET_KEY=<new>,<old> everywhere, restart, run this, then
// drop <old> from the list. Exit 1 if a value no listed key opens was found (it is named on stderr).
import { createDb } from "@toolgate/db";
import { parseSecretKeys } from "@toolgate/secrets";
import { z } from "zod";
import { type ResealReport, resealStoredSecrets } from "../src/server/secrets/reseal-stored-secrets";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/toolgate"),
  TOOLGATE_SECRET_KEY: z
    .string()
    .min(1, "TOOLGATE_SECRET_KEY is required: the new key first, then the old ones."),
});

const env = envSchema.parse(process.env);
const db = createDb(env.DATABASE_URL);
try {
  const report = await resealStoredSecrets(db, parseSecretKeys(env.TOOLGATE_SECRET_KEY));
  const print = (what: string, column: ResealReport) => {
    console.log(
      `${what}: ${column.sealed} sealed, ${column.resealed} re-sealed with the current key, ${column.unreadable.length} unreadable.`,
    );
    for (const { id, reason } of column.unreadable) console.error(`  ${id}: ${reason}`);
  };
  print("Server headers", report.serverHeaders);
  print("Webhook secrets", report.webhookSecrets);
  const unreadable = report.serverHeaders.unreadable.length + report.webhookSecrets.unreadable.length;
  process.exitCode = unreadable > 0 ? 1 : 0;
} finally {
  await db.$disconnect();
}
