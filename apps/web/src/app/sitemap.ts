import type { MetadataRoute } from "next";
import { publicPages } from "@/catalogue/public-pages";
import { siteUrl } from "@/catalogue/site-url";
import { catalogueForRequest } from "@/server/public-catalogue/catalogue-for-request";

export const dynamic = "force-dynamic";

/** Every public page: the landing page, the catalogue, each server and each tool. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const index = await catalogueForRequest();
  const origin = await siteUrl();
  const imported = new Map(index.servers.map(({ server }) => [server.slug, new Date(server.importedAt)]));
  return publicPages(index).map((page) => {
    const slug = page.path.split("/")[2];
    const lastModified = slug === undefined ? undefined : imported.get(slug);
    return {
      url: new URL(page.path, origin).href,
      ...(lastModified === undefined ? {} : { lastModified }),
    };
  });
}
