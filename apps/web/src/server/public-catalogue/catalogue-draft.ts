import { parsePolicy } from "@toolgate/policy-core";
import type { IndexedTool } from "@/catalogue/catalogue-index";
import { toolGuidance } from "@/catalogue/tool-guidance";
import { withRecommendedRule } from "@/catalogue/with-recommended-rule";

/** An unpublished draft the builder opens with, and what it came from. */
export type CatalogueDraft = { document: unknown; toolName: string; catalogueServer: string };

/**
 * The builder's starting draft for "Limit this tool": the catalogue's recommended rule for
 * the tool applied to the published policy (or alone when none is published or it no longer
 * validates).
 */
export function catalogueDraft(
  intent: IndexedTool,
  published: { version: number | null; document: unknown },
): CatalogueDraft {
  const recommended = toolGuidance(intent).recommended;
  const parsed = published.version === null ? undefined : parsePolicy(published.document);
  const base = parsed?.ok ? parsed.policy : undefined;
  return {
    document: withRecommendedRule(base, recommended, intent.tool.name),
    toolName: intent.tool.name,
    catalogueServer: intent.server.name,
  };
}
