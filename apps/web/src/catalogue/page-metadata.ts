import type { Metadata } from "next";
import type { PageMeta } from "./public-pages";
import { siteUrl } from "./site-url";

/** Title, description, canonical URL and Open Graph tags of one public page. */
export async function pageMetadata(
  meta: PageMeta,
  options: { absoluteTitle?: boolean } = {},
): Promise<Metadata> {
  return {
    metadataBase: await siteUrl(),
    title: options.absoluteTitle ? { absolute: meta.title } : meta.title,
    description: meta.description,
    alternates: { canonical: meta.path },
    openGraph: {
      type: "website",
      siteName: "Toolgate",
      title: meta.title,
      description: meta.description,
      url: meta.path,
    },
    twitter: { card: "summary", title: meta.title, description: meta.description },
  };
}
