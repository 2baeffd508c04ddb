import { type DbClient, listServers } from "@toolgate/db";
import { z } from "zod";
import { AppError } from "../app-error";

/** The servers a grant is restricted to, by id or slug, as the REST API and the dashboard send them. */
export const grantServersSchema = z
  .array(z.string().trim().min(1, "A server is named by its id or slug.").max(100))
  .min(1, "Name at least one server, or leave servers out for a grant that may use every server.")
  .max(500, "Name at most 500 servers.");

/**
 * Turns server ids or slugs into the ids of the tenant's servers, in the order given, duplicates
 * dropped; a name that is not a server of this tenant is refused, saying which one.
 */
export async function resolveGrantServers(
  db: DbClient,
  tenantId: string,
  refs: readonly string[],
): Promise<string[]> {
  const servers = await listServers(db, tenantId);
  const ids: string[] = [];
  for (const [index, ref] of refs.entries()) {
    const server = servers.find((candidate) => candidate.id === ref || candidate.slug === ref);
    if (server === undefined) {
      throw new AppError(
        "invalid_input",
        `servers[${index}]: there is no server '${ref}' in this organisation (use a server's id or slug).`,
      );
    }
    if (!ids.includes(server.id)) ids.push(server.id);
  }
  return ids;
}
