import type { MetadataRoute } from "next";
import { siteUrl } from "@/catalogue/site-url";

export const dynamic = "force-dynamic";

/** Public pages are crawlable; the dashboard, the API and the "Limit this tool" entry are not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: {
      userAgent: "*",
      allow: ["/", "/catalogue"],
      disallow: [
        "/api/",
        "/servers",
        "/grants",
        "/logs",
        "/approvals",
        "/settings",
        "/members",
        "/audit",
        "/overview",
        "/catalogue/*/*/limit",
      ],
    },
    sitemap: new URL("/sitemap.xml", await siteUrl()).href,
  };
}
