import { canonicalToolName, escapePointerToken } from "@toolgate/policy-core";
import type { AccessKind } from "./access-catalogue";
import { ACCESS_SECTION, hideEntryNames } from "./access-rules";
import type { BuilderState } from "./builder-state";

/** Whether an issue/warning path belongs to the card for `key` (its rule or its hide entry). */
export function issueBelongsTo(state: BuilderState, path: string, key: string): boolean {
  const rulePrefix = `/tools/${escapePointerToken(key)}`;
  if (path === rulePrefix || path.startsWith(`${rulePrefix}/`)) return true;
  const match = /^\/hide\/(\d+)/.exec(path);
  const entry = match?.[1] === undefined ? undefined : state.hide?.[Number(match[1])];
  return entry !== undefined && canonicalToolName(entry) === canonicalToolName(key);
}

/** Whether an issue/warning path belongs to the resource or prompt card for `key`. */
export function accessIssueBelongsTo(
  state: BuilderState,
  kind: AccessKind,
  path: string,
  key: string,
): boolean {
  const rulePrefix = `/${ACCESS_SECTION[kind]}/${escapePointerToken(key)}`;
  if (path === rulePrefix || path.startsWith(`${rulePrefix}/`)) return true;
  const match = /^\/hide\/(\d+)/.exec(path);
  const entry = match?.[1] === undefined ? undefined : state.hide?.[Number(match[1])];
  return entry !== undefined && hideEntryNames(kind, entry, key);
}
