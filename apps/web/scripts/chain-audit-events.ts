// Links audit events recorded before the hash chain existed onto the end of each tenant's chain, so
// that `toolgate audit verify` covers them too. Run once after upgrading from a version without the
// chain; idempotent (a second run finds nothing to do).
import { chainUnchainedAuditEvents, createDb, tenantsWithUnchainedAuditEvents } from "@toolgate/db";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/toolgate"),
});

const env = envSchema.parse(process.env);
const db = createDb(env.DATABASE_URL);
try {
  const tenants = await tenantsWithUnchainedAuditEvents(db);
  let events = 0;
  for (const [index, tenantId] of tenants.entries()) {
    const chained = await chainUnchainedAuditEvents(db, tenantId);
    events += chained;
    console.log(`[${index + 1}/${tenants.length}] ${tenantId}: ${chained} event(s) chained`);
  }
  console.log(`Chained ${events} older audit event(s) across ${tenants.length} organisation(s).`);
} finally {
  await db.$disconnect();
}
