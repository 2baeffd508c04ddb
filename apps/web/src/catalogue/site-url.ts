import { headers } from "next/headers";
import { getEnv } from "@/env";

/**
 * The dashboard's public origin for canonical URLs and the sitemap: AUTH_URL when set (it
 * should be in production), else the origin this request came to.
 */
export async function siteUrl(): Promise<URL> {
  const configured = getEnv().AUTH_URL;
  if (configured !== undefined) return new URL(configured);
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? "localhost:3000";
  const protocol = request.get("x-forwarded-proto") === "https" ? "https" : "http";
  return new URL(`${protocol}://${host}`);
}
