import type { MetadataRoute } from "next";
import type { CatalogueIndex } from "@/catalogue/catalogue-index";
import { publicPages } from "@/catalogue/public-pages";
import { siteUrl } from "@/catalogue/site-url";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";

export const dynamic = "force-dynamic";

// The entries change only with the index (and the origin), so they are built once for each.
const built = new WeakMap<CatalogueIndex, { origin: string; entries: MetadataRoute.Sitemap }>();

/** Every public page: the landing page, the catalogue, each server and each tool. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const index = await catalogueForRequest();
  const origin = (await siteUrl()).origin;
  const cached = built.get(index);
  if (cached?.origin === origin) return cached.entries;
  const imported = new Map(index.servers.map(({ server }) => [server.slug, new Date(server.importedAt)]));
  const entries = publicPages(index).map((page) => {
    const lastModified = imported.get(page.path.split("/")[2] ?? "");
    return { url: `${origin}${page.path}`, ...(lastModified === undefined ? {} : { lastModified }) };
  });
  built.set(index, { origin, entries });
  return entries;
}
