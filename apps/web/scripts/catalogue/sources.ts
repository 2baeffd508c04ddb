import { readFile } from "node:fs/promises";
import { z } from "zod";

const sourceSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  package: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  urlHint: z.string().min(1),
});

export type NpmSource = z.infer<typeof sourceSchema>;

/** The npm packages the import starts, from catalogue/sources.json. */
export async function readSources(path: string): Promise<NpmSource[]> {
  const parsed = z.object({ sources: z.array(sourceSchema) }).parse(JSON.parse(await readFile(path, "utf8")));
  return parsed.sources;
}

/** Replaces {tmp} in arguments and environment with a scratch directory. */
export function withScratch(source: NpmSource, tmp: string): { args: string[]; env: Record<string, string> } {
  const fill = (value: string) => value.replaceAll("{tmp}", tmp);
  return {
    args: source.args.map(fill),
    env: Object.fromEntries(Object.entries(source.env).map(([key, value]) => [key, fill(value)])),
  };
}
