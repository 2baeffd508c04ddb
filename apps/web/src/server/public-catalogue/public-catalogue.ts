import { type Db, listPublishedServerCatalogues } from "@toolgate/db";
import { buildCatalogueIndex, type CatalogueIndex } from "@/catalogue/catalogue-index";
import { publishedServerRecord } from "@/catalogue/published-server-record";

// Published tenant servers are re-read at most this often per process; a publish or withdrawal
// in this process applies at once (forgetPublishedCatalogues), in others within this time.
const REFRESH_MS = 30_000;

let published: { at: number; repo: CatalogueIndex; signature: string; index: CatalogueIndex } | undefined;

/** The public catalogue: the repo's index plus the servers tenants published (repo slugs win). */
export async function publicCatalogue(
  db: Db,
  repo: CatalogueIndex,
  now = Date.now(),
): Promise<CatalogueIndex> {
  if (published !== undefined && published.repo === repo && now - published.at < REFRESH_MS)
    return published.index;
  let rows: Awaited<ReturnType<typeof listPublishedServerCatalogues>>;
  try {
    rows = await listPublishedServerCatalogues(db);
  } catch (error) {
    // The repo's catalogue stays public while the database is unreachable.
    console.error("public catalogue: published servers unavailable", error);
    return repo;
  }
  const records = rows.map(publishedServerRecord);
  const signature = JSON.stringify(
    records.map((record) => [record.slug, record.importedAt, record.tools.length]),
  );
  const index =
    records.length === 0
      ? repo
      : published?.signature === signature && published.repo === repo
        ? published.index
        : buildCatalogueIndex([...repo.servers.map((entry) => entry.server), ...records]);
  published = { at: now, repo, signature, index };
  return index;
}

/** Drops the cached published servers so the next page reads them again. */
export function forgetPublishedCatalogues(): void {
  published = undefined;
}
