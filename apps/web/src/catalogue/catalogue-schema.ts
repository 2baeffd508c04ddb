import { z } from "zod";

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");

/** One tool exactly as an MCP server's tools/list returned it (unknown fields kept). */
export const catalogueToolSchema = z.looseObject({
  name: z.string().min(1),
  title: z.string().optional(),
  description: z.string().optional(),
  inputSchema: z.unknown().optional(),
  annotations: z.record(z.string(), z.unknown()).optional(),
});

const npmSourceSchema = z.object({
  kind: z.literal("npm"),
  package: z.string().min(1),
  version: z.string().min(1),
  command: z.string().min(1),
});

const fixtureSourceSchema = z.object({ kind: z.literal("fixture"), path: z.string().min(1) });

const tenantSourceSchema = z.object({ kind: z.literal("tenant"), organisation: z.string().min(1) });

/** One server of the public catalogue: what it is, where its tool list came from, and the list. */
export const catalogueServerSchema = z.object({
  slug: slugSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  source: z.discriminatedUnion("kind", [npmSourceSchema, fixtureSourceSchema, tenantSourceSchema]),
  serverInfo: z.object({ name: z.string(), version: z.string() }).optional(),
  importedAt: z.iso.datetime(),
  /** How to run or reach it, shown on the register-server step (never a tenant's URL). */
  urlHint: z.string().min(1),
  tools: z.array(catalogueToolSchema),
});

export type CatalogueTool = z.infer<typeof catalogueToolSchema>;
export type CatalogueServer = z.infer<typeof catalogueServerSchema>;
