import {
  canonicalResourceUri,
  canonicalToolName,
  hideTarget,
  type PolicyAccessRule,
  type PolicyRule,
} from "@toolgate/policy-core";
import type { AccessKind } from "./access-catalogue";
import type { BuilderState } from "./builder-state";

/** The policy section that holds a kind's rules. */
export const ACCESS_SECTION: Record<AccessKind, "resources" | "prompts"> = {
  resource: "resources",
  prompt: "prompts",
};

/** The form policy-core matches a key in: resources by canonical URI, prompts like tool names. */
export function canonicalAccessKey(kind: AccessKind, key: string): string {
  return kind === "resource" ? canonicalResourceUri(key) : canonicalToolName(key);
}

const sameKey = (kind: AccessKind, a: string, b: string) =>
  canonicalAccessKey(kind, a) === canonicalAccessKey(kind, b);

/** The `hide` entry that hides a resource URI (glob) or prompt name (glob). */
export function accessHideEntry(kind: AccessKind, key: string): string {
  return `${kind}:${key}`;
}

/** Whether a hide entry names exactly this resource or prompt key (not merely a glob covering it). */
export function hideEntryNames(kind: AccessKind, entry: string, key: string): boolean {
  const target = hideTarget(entry);
  return target.kind === kind && target.canonical === canonicalAccessKey(kind, key);
}

/** The kind's rules in document order (empty when the section is absent). */
export function accessEntries(state: BuilderState, kind: AccessKind): [string, PolicyAccessRule][] {
  return Object.entries(state[ACCESS_SECTION[kind]] ?? {});
}

/** The rule whose key names `key` exactly (canonical forms compared), with the key as written. */
export function findAccessEntry(
  state: BuilderState,
  kind: AccessKind,
  key: string,
): { key: string; rule: PolicyAccessRule } | undefined {
  const found = accessEntries(state, kind).find(([candidate]) => sameKey(kind, candidate, key));
  return found === undefined ? undefined : { key: found[0], rule: found[1] };
}

/** The state with `key`'s rule set: replaced in place when the key exists, appended otherwise. */
export function withAccessRule(
  state: BuilderState,
  kind: AccessKind,
  key: string,
  rule: PolicyAccessRule,
): BuilderState {
  const entries = accessEntries(state, kind);
  const index = entries.findIndex(([candidate]) => sameKey(kind, candidate, key));
  const next: [string, PolicyAccessRule][] =
    index === -1
      ? [...entries, [key, rule]]
      : entries.map((entry, i) => (i === index ? [entry[0], rule] : entry));
  // fromEntries defines own properties, so a key such as "__proto__" stays a key.
  return { ...state, [ACCESS_SECTION[kind]]: Object.fromEntries(next) };
}

/** The state without `key`'s rule; an emptied section is dropped, as the tools section is. */
export function withoutAccessRule(state: BuilderState, kind: AccessKind, key: string): BuilderState {
  const section = ACCESS_SECTION[kind];
  if (state[section] === undefined) return state;
  const kept = accessEntries(state, kind).filter(([candidate]) => !sameKey(kind, candidate, key));
  return { ...state, [section]: kept.length === 0 ? undefined : Object.fromEntries(kept) };
}

/** A tool-shaped rule as a resource/prompt rule: argument conditions do not apply to reads. */
export function toAccessRule(rule: PolicyRule): PolicyAccessRule {
  const { require: _require, deny_if: _denyIf, ...rest } = rule;
  return rest;
}
