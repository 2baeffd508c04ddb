import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getEnv } from "@/env";
import { buildCatalogueIndex, type CatalogueIndex } from "./catalogue-index";
import { type CatalogueServer, catalogueServerSchema } from "./catalogue-schema";

let cached: { dir: string; index: CatalogueIndex } | undefined;

/** Reads and validates every server record of a directory (a bad file names itself in the error). */
export function readCatalogueDir(dir: string): CatalogueServer[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const parsed = catalogueServerSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
      if (!parsed.success) throw new Error(`catalogue/${file}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The public catalogue index, read once per process (the records change only with a deploy). */
export function loadCatalogue(): CatalogueIndex {
  const dir = getEnv().TOOLGATE_CATALOGUE_DIR ?? join(process.cwd(), "catalogue/servers");
  if (cached?.dir !== dir) cached = { dir, index: buildCatalogueIndex(readCatalogueDir(dir)) };
  return cached.index;
}
