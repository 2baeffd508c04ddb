import type { Db } from "@toolgate/db";
import { isSealedWithCurrentKey, openSecret, type SecretKeys, sealSecret } from "@toolgate/secrets";

/** What a re-seal did: sealed values seen, moved to the current key, and those no listed key opens. */
export type ResealReport = {
  sealed: number;
  resealed: number;
  unreadable: { serverId: string; reason: string }[];
};

const PAGE = 500;

/**
 * Re-seals every server's stored upstream headers with the current key (the first of TOOLGATE_SECRET_KEY),
 * so old keys can then be dropped from the list. Idempotent; a row changed meanwhile is left as it is
 * (its new value was sealed with the current key anyway). Operator tool: every tenant, no session.
 */
export async function resealServerHeaders(db: Db, keys: SecretKeys): Promise<ResealReport> {
  const report: ResealReport = { sealed: 0, resealed: 0, unreadable: [] };
  let after = "";
  for (;;) {
    const rows = await db.server.findMany({
      where: { id: { gt: after }, headersSealed: { not: null } },
      select: { id: true, headersSealed: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    for (const row of rows) {
      const sealed = row.headersSealed;
      if (sealed === null) continue;
      report.sealed += 1;
      if (isSealedWithCurrentKey(sealed, keys)) continue;
      let plaintext: string;
      try {
        plaintext = openSecret(sealed, keys);
      } catch (error) {
        report.unreadable.push({
          serverId: row.id,
          reason: error instanceof Error ? error.message : String(error),
        });
        continue;
      }
      const { count } = await db.server.updateMany({
        where: { id: row.id, headersSealed: sealed },
        data: { headersSealed: sealSecret(plaintext, keys) },
      });
      report.resealed += count;
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < PAGE) return report;
    after = last.id;
  }
}
