import type { Policy, PolicyRule } from "@toolgate/policy-core";

/** One entry of `tools`, in document order; the rule object is kept whole. */
export type ToolEntry = { key: string; rule: PolicyRule };

/**
 * The builder's model of a policy: the document split into ordered parts the lanes edit.
 * Absent and empty are kept apart (`hide: []` is not a missing `hide`), so any valid
 * policy survives fromPolicy → toPolicy unchanged, key order included.
 */
export type BuilderState = {
  schemaUrl: string | undefined;
  defaultAction: Policy["default"];
  hide: string[] | undefined;
  allTools: Policy["all_tools"];
  tools: ToolEntry[] | undefined;
  // Resource and prompt rules: their own boards edit them by key (access-rules.ts), order kept.
  resources: Policy["resources"];
  prompts: Policy["prompts"];
  // Top-level keys in the order the loaded document had them.
  keyOrder: string[];
};

const CANONICAL_ORDER = [
  "$schema",
  "version",
  "default",
  "hide",
  "all_tools",
  "tools",
  "resources",
  "prompts",
];

/** Loads a (validated) policy into builder state. */
export function fromPolicy(policy: Policy): BuilderState {
  return {
    schemaUrl: policy.$schema,
    defaultAction: policy.default,
    hide: policy.hide === undefined ? undefined : [...policy.hide],
    allTools: policy.all_tools,
    tools:
      policy.tools === undefined
        ? undefined
        : Object.entries(policy.tools).map(([key, rule]) => ({ key, rule })),
    resources: policy.resources,
    prompts: policy.prompts,
    keyOrder: Object.keys(policy),
  };
}

function fieldValue(state: BuilderState, key: string): unknown {
  switch (key) {
    case "$schema":
      return state.schemaUrl;
    case "version":
      return "1";
    case "default":
      return state.defaultAction;
    case "hide":
      return state.hide;
    case "all_tools":
      return state.allTools;
    case "tools":
      // fromEntries defines own properties, so a key such as "__proto__" stays a key.
      return state.tools === undefined
        ? undefined
        : Object.fromEntries(state.tools.map((entry) => [entry.key, entry.rule]));
    case "resources":
      return state.resources;
    case "prompts":
      return state.prompts;
    default:
      return undefined;
  }
}

/** Serialises builder state back to the policy document, in the loaded key order. */
export function toPolicy(state: BuilderState): Policy {
  const order = [...state.keyOrder, ...CANONICAL_ORDER.filter((key) => !state.keyOrder.includes(key))];
  const entries: [string, unknown][] = [];
  for (const key of order) {
    const value = fieldValue(state, key);
    if (value !== undefined) entries.push([key, value]);
  }
  // Every field is typed by BuilderState, so the assembled object has the Policy shape.
  return Object.fromEntries(entries) as Policy;
}

/** The policy as the pretty-printed JSON text the editor shows. */
export function policyText(state: BuilderState): string {
  return `${JSON.stringify(toPolicy(state), null, 2)}\n`;
}
