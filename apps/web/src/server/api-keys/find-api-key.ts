import type { ApiKey, Db } from "@toolgate/db";
import { hashToken } from "@toolgate/secrets";

// lastUsedAt is informational: writing it at most once a minute keeps requests cheap.
const TOUCH_INTERVAL_MS = 60_000;

/** The API key row a presented key hashes to (revoked included: the caller decides), or null. */
export async function findApiKey(db: Db, presentedKey: string): Promise<ApiKey | null> {
  return db.apiKey.findUnique({ where: { keyHash: hashToken(presentedKey) } });
}

/** Records that the key was used at `at`, unless it was already recorded within the last minute. */
export async function touchApiKey(db: Db, apiKeyId: string, at: Date): Promise<void> {
  await db.apiKey.updateMany({
    where: {
      id: apiKeyId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(at.getTime() - TOUCH_INTERVAL_MS) } }],
    },
    data: { lastUsedAt: at },
  });
}
