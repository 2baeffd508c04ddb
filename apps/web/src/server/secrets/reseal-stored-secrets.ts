import type { Db } from "@toolgate/db";
import { isSealedWithCurrentKey, openSecret, type SecretKeys, sealSecret } from "@toolgate/secrets";

/** What a re-seal of one column did: sealed values seen, moved to the current key, and those no listed key opens. */
export type ResealReport = {
  sealed: number;
  resealed: number;
  unreadable: { id: string; reason: string }[];
};

/** Every column that holds sealed values, by what it stores. */
export type StoredSecretsReport = { serverHeaders: ResealReport; webhookSecrets: ResealReport };

/** One sealed column: pages of (id, sealed value) in id order, and a compare-and-set of one value. */
type SealedColumn = {
  page(after: string, take: number): Promise<{ id: string; sealed: string | null }[]>;
  replace(id: string, was: string, next: string): Promise<number>;
};

const PAGE = 500;

/**
 * Re-seals every stored secret (servers' upstream headers, webhook signing secrets) with the current key
 * (the first of TOOLGATE_SECRET_KEY), so old keys can then be dropped from the list. Idempotent; a value
 * changed meanwhile is left as it is (its new value was sealed with the current key anyway). Operator tool:
 * every tenant, no session.
 */
export async function resealStoredSecrets(db: Db, keys: SecretKeys): Promise<StoredSecretsReport> {
  const serverHeaders: SealedColumn = {
    page: (after, take) =>
      db.server
        .findMany({
          where: { id: { gt: after }, headersSealed: { not: null } },
          select: { id: true, headersSealed: true },
          orderBy: { id: "asc" },
          take,
        })
        .then((rows) => rows.map((row) => ({ id: row.id, sealed: row.headersSealed }))),
    replace: async (id, was, next) =>
      (await db.server.updateMany({ where: { id, headersSealed: was }, data: { headersSealed: next } }))
        .count,
  };
  const webhookSecrets: SealedColumn = {
    page: (after, take) =>
      db.webhookEndpoint
        .findMany({
          where: { id: { gt: after } },
          select: { id: true, secretSealed: true },
          orderBy: { id: "asc" },
          take,
        })
        .then((rows) => rows.map((row) => ({ id: row.id, sealed: row.secretSealed }))),
    replace: async (id, was, next) =>
      (
        await db.webhookEndpoint.updateMany({
          where: { id, secretSealed: was },
          data: { secretSealed: next },
        })
      ).count,
  };
  return {
    serverHeaders: await resealColumn(serverHeaders, keys),
    webhookSecrets: await resealColumn(webhookSecrets, keys),
  };
}

async function resealColumn(column: SealedColumn, keys: SecretKeys): Promise<ResealReport> {
  const report: ResealReport = { sealed: 0, resealed: 0, unreadable: [] };
  let after = "";
  for (;;) {
    const rows = await column.page(after, PAGE);
    for (const { id, sealed } of rows) {
      if (sealed === null) continue;
      report.sealed += 1;
      if (isSealedWithCurrentKey(sealed, keys)) continue;
      let plaintext: string;
      try {
        plaintext = openSecret(sealed, keys);
      } catch (error) {
        report.unreadable.push({ id, reason: error instanceof Error ? error.message : String(error) });
        continue;
      }
      report.resealed += await column.replace(id, sealed, sealSecret(plaintext, keys));
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return report;
    after = last.id;
  }
}
