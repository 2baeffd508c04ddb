import { createServer, type Db, inTransaction, recordAudit, saveCatalogue } from "@toolgate/db";
import { type SecretKeyInput, sealSecret } from "@toolgate/secrets";
import { discoverServer } from "@toolgate/upstream";
import { z } from "zod";
import { toCatalogueEntry } from "../catalogue/catalogue-entry";
import { storeResourceCatalogue } from "../catalogue/scan-resource-catalogue";
import { assertCan, type SessionContext } from "../context";
import { toServerView } from "./server-view";

// RFC 9110 token characters; header values may not carry line breaks (header injection).
const headerNamePattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const upstreamHeaderSchema = z.object({
  name: z.string().trim().regex(headerNamePattern, "Header names use letters, digits and dashes only."),
  value: z
    .string()
    .min(1, "Give each header a value.")
    .max(8192)
    .refine((value) => !/[\r\n]/.test(value), "Header values cannot contain line breaks."),
});

export const addServerInputSchema = z.object({
  name: z.string().trim().min(1, "Give the server a name.").max(80, "Keep the name under 80 characters."),
  url: z
    .url({ protocol: /^https?$/, error: "Enter the server's http:// or https:// URL." })
    .trim()
    .max(2000),
  headers: z.array(upstreamHeaderSchema).max(20, "At most 20 headers."),
});

export type AddServerInput = z.infer<typeof addServerInputSchema>;

export type AddServerDeps = { db: Db; secretKey: SecretKeyInput; allowPrivateUpstreams: boolean };

/**
 * Registers an MCP server: connects to it (detecting the transport), stores its headers
 * sealed, and catalogues its tools with a risk class each (and its resources, templates and prompts).
 */
export async function addServer(deps: AddServerDeps, ctx: SessionContext, input: AddServerInput) {
  assertCan(ctx, "manage_servers");
  const headers = Object.fromEntries(input.headers.map((header) => [header.name, header.value]));
  const discovered = await discoverServer(
    { url: input.url, headers },
    { allowPrivateAddresses: deps.allowPrivateUpstreams },
  );
  const headersSealed = input.headers.length > 0 ? sealSecret(JSON.stringify(headers), deps.secretKey) : null;
  const catalogue = discovered.tools.map(toCatalogueEntry);
  // The server, its catalogue and the audit event commit together; discovery (network) ran before.
  const server = await inTransaction(
    deps.db,
    async (tx) => {
      const created = await createServer(tx, ctx.tenantId, {
        name: input.name,
        url: input.url,
        transport: discovered.transport,
        headersSealed,
      });
      await saveCatalogue(tx, ctx.tenantId, created.id, catalogue);
      const listed = await storeResourceCatalogue(tx, ctx.tenantId, created.id, discovered);
      await recordAudit(tx, ctx.tenantId, {
        actorUserId: ctx.userId,
        action: "server.created",
        targetType: "server",
        targetId: created.id,
        data: {
          name: created.name,
          url: created.url,
          transport: created.transport,
          tools: catalogue.length,
          ...listed,
        },
      });
      return created;
    },
    { timeout: 30_000 },
  );
  return { server: toServerView(server), toolCount: catalogue.length };
}
