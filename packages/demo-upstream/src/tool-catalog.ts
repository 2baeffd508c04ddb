import { readFileSync } from "node:fs";
import { z } from "zod";

// Read rather than imported: a JSON import needs an import attribute under some ESM loaders (Playwright's).
const fixturePath = new URL("./fixtures/virtualization-tools.json", import.meta.url);

const toolDefinitionSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  inputSchema: z.looseObject({ type: z.literal("object") }),
  annotations: z.record(z.string(), z.union([z.boolean(), z.string()])).optional(),
});

const fixtureSchema = z.object({
  tools: z.array(toolDefinitionSchema.extend({ "x-expected-category": z.string().optional() })),
});

/** One tool as the demo server advertises it in `tools/list`. */
export type DemoToolDefinition = z.infer<typeof toolDefinitionSchema>;

/** The fixture's tools, with the project-only `x-expected-category` field removed. */
export function loadDemoTools(): DemoToolDefinition[] {
  const parsed = fixtureSchema.parse(JSON.parse(readFileSync(fixturePath, "utf8")));
  return parsed.tools.map(({ "x-expected-category": _category, ...tool }) => tool);
}
