import type { PolicyLimit } from "@toolgate/policy-core";
import type { BuilderState } from "./builder-state";
import { policyLimits } from "./policy-limits";

const COUNTER_CHAR = /[^A-Za-z0-9_.:-]+/g;

/** A counter name for a key: "MountIso" → "mountiso_rate", "Delete*" → "delete_rate". */
export function counterNameFor(key: string): string {
  const stem =
    key
      .toLowerCase()
      .replace(COUNTER_CHAR, "_")
      .replace(/^_+|_+$/g, "") || "tool";
  return `${stem.slice(0, 120)}_rate`;
}

/** The key a resource's or prompt's default counter is named after, apart from a tool of the same name. */
export function accessLimitKey(kind: "resource" | "prompt", key: string): string {
  return `${kind}_${key}`;
}

/**
 * The limit a card gets when dropped in Rate-limit: 30 per minute per grant (the
 * recommendation for Write tools), on a counter no other limit uses yet.
 */
export function defaultLimitFor(state: BuilderState, key: string): PolicyLimit {
  const taken = new Set(policyLimits(state).map((entry) => entry.limit.counter));
  const base = counterNameFor(key);
  let counter = base;
  for (let n = 2; taken.has(counter); n++) counter = `${base}_${n}`;
  return { counter, window: "minute", max: 30, scope: "grant" };
}
