import type { PolicyLimit } from "@toolgate/policy-core";
import type { BuilderState } from "./builder-state";

/** Every explicit limit in the policy with where it is, for picking shared counters. */
export function policyLimits(state: BuilderState): { owner: string; limit: PolicyLimit }[] {
  const found: { owner: string; limit: PolicyLimit }[] = [];
  for (const limit of state.allTools?.limits ?? []) found.push({ owner: "all tools", limit });
  for (const entry of state.tools ?? []) {
    for (const limit of entry.rule.limits ?? []) found.push({ owner: entry.key, limit });
  }
  for (const [owner, rules] of [
    ["resource", state.resources],
    ["prompt", state.prompts],
  ] as const) {
    for (const [key, rule] of Object.entries(rules ?? {})) {
      for (const limit of rule.limits ?? []) found.push({ owner: `${owner} ${key}`, limit });
    }
  }
  return found;
}
