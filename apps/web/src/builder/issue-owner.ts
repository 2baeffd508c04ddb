import { canonicalToolName, escapePointerToken } from "@toolgate/policy-core";
import type { BuilderState } from "./builder-state";

/** Whether an issue/warning path belongs to the card for `key` (its rule or its hide entry). */
export function issueBelongsTo(state: BuilderState, path: string, key: string): boolean {
  const rulePrefix = `/tools/${escapePointerToken(key)}`;
  if (path === rulePrefix || path.startsWith(`${rulePrefix}/`)) return true;
  const match = /^\/hide\/(\d+)/.exec(path);
  const entry = match?.[1] === undefined ? undefined : state.hide?.[Number(match[1])];
  return entry !== undefined && canonicalToolName(entry) === canonicalToolName(key);
}
