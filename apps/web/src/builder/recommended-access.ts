import {
  compilePolicy,
  evaluateAccess,
  type Policy,
  type PolicyAccessRule,
  parsePolicy,
  RULE_LABELS,
} from "@toolgate/policy-core";
import type { AccessKind, CatalogueAccessItem } from "./access-catalogue";
import { accessEntries, findAccessEntry } from "./access-rules";
import { type BuilderState, toPolicy } from "./builder-state";

const DEFAULT_LABELS: string[] = [RULE_LABELS.defaultAllow, RULE_LABELS.defaultDeny];

// An item the draft says nothing about: no rule (exact or glob) matches it and no hide entry names it.
function ungoverned(
  state: BuilderState,
  kind: AccessKind,
  compiled: ReturnType<typeof compilePolicy> | undefined,
): (item: CatalogueAccessItem) => boolean {
  return (item) => {
    if (compiled === undefined) return findAccessEntry(state, kind, item.key) === undefined;
    const decision = evaluateAccess(compiled, {
      kind,
      name: item.key,
      tenantId: "t",
      serverId: "s",
      grantId: "g",
    });
    return DEFAULT_LABELS.includes(decision.rule);
  };
}

/**
 * The recommended `resources` (or `prompts`) section for a draft: every rule the draft has, kept as it
 * is, then an allow rule for each catalogued item the draft does not govern yet. Resources are read-only
 * views and prompts are message templates, so both are allowed item by item (templates by their URI
 * pattern); narrowing is the user's call.
 */
export function recommendedAccess(
  state: BuilderState,
  kind: AccessKind,
  catalogue: CatalogueAccessItem[],
): Policy["resources"] {
  const parsed = parsePolicy(toPolicy(state));
  const compiled = parsed.ok ? compilePolicy(parsed.policy) : undefined;
  const added = catalogue.filter(ungoverned(state, kind, compiled));
  const entries: [string, PolicyAccessRule][] = [
    ...accessEntries(state, kind),
    ...added.map((item): [string, PolicyAccessRule] => [item.key, {}]),
  ];
  const unique = new Map<string, PolicyAccessRule>();
  for (const [key, rule] of entries) if (!unique.has(key)) unique.set(key, rule);
  if (unique.size === 0) return state[kind === "resource" ? "resources" : "prompts"];
  return Object.fromEntries(unique);
}
