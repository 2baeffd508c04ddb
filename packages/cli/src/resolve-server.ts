import { z } from "zod";
import type { ApiClient } from "./api-client";
import { CliError } from "./cli-error";

export const serverSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  url: z.string(),
  transport: z.string(),
  lastScannedAt: z.string().nullable(),
});

export const serverListSchema = z.object({ servers: z.array(serverSummarySchema) });

/** Accepts a server's id (srv_…) or its slug, as shown in gateway URLs, and returns the id. */
export async function resolveServerId(api: ApiClient, idOrSlug: string): Promise<string> {
  if (idOrSlug.startsWith("srv_")) return idOrSlug;
  const { servers } = serverListSchema.parse(await api.request("GET", "/servers"));
  const match = servers.find((server) => server.slug === idOrSlug || server.name === idOrSlug);
  if (match === undefined) {
    const known = servers.map((server) => server.slug).join(", ") || "none";
    throw new CliError("not_found", `No server "${idOrSlug}". Known servers: ${known}.`);
  }
  return match.id;
}
