import {
  canonicalToolName,
  compilePolicy,
  evaluateCall,
  hideTarget,
  type PolicyRule,
  parsePolicy,
  RULE_LABELS,
} from "@toolgate/policy-core";
import type { AccessKind, CatalogueAccessItem } from "./access-catalogue";
import { type BuilderState, toPolicy } from "./builder-state";
import type { CatalogueTool } from "./catalogue-tool";
import { type Lane, laneOfRule } from "./lanes";
import { ruleKeyOfPointer } from "./rule-pointer";

/**
 * One card on a board. `key` is what the policy names (a tool, resource URI or prompt name, a glob,
 * or a hide entry); `rule` is undefined when the card only follows the default or another key (`via`).
 * `kind` says which board and policy section it belongs to; `tool` or `item` is its catalogue entry.
 */
export type BoardCard = {
  id: string;
  kind: "tool" | AccessKind;
  key: string;
  lane: Lane;
  rule: PolicyRule | undefined;
  hidden: boolean;
  isGlob: boolean;
  tool: CatalogueTool | undefined;
  item: CatalogueAccessItem | undefined;
  via: string | undefined;
};

function governing(state: BuilderState, names: string[]): Map<string, string> {
  // The compiled policy knows precedence and matching; the board asks it, never re-implements it.
  const parsed = parsePolicy(toPolicy(state));
  const result = new Map<string, string>();
  if (!parsed.ok) return result;
  const compiled = compilePolicy(parsed.policy);
  for (const name of names) {
    const decision = evaluateCall(compiled, {
      tool: name,
      args: {},
      tenantId: "t",
      serverId: "s",
      grantId: "g",
    });
    const key = decision.rule === RULE_LABELS.hidden ? "(hidden)" : ruleKeyOfPointer(decision.rule);
    if (key !== undefined) result.set(name, key);
  }
  return result;
}

function hiddenBy(state: BuilderState, key: string): boolean {
  return state.hide?.some((entry) => canonicalToolName(entry) === canonicalToolName(key)) ?? false;
}

function governedLane(state: BuilderState, via: string | undefined): Lane {
  if (via === "(hidden)") return "hide";
  const rule = via === undefined ? undefined : state.tools?.find((entry) => entry.key === via)?.rule;
  if (rule !== undefined) return laneOfRule(rule, false);
  return state.defaultAction === "deny" ? "deny" : "allow";
}

/** Every card of the board: catalogue tools first (in catalogue order), then other rule keys and hide entries. */
export function boardCards(state: BuilderState, catalogue: CatalogueTool[]): BoardCard[] {
  const rules = state.tools ?? [];
  const byCanonical = new Map(rules.map((entry) => [canonicalToolName(entry.key), entry]));
  const used = new Set<string>();
  const cards: BoardCard[] = [];
  const unruled: CatalogueTool[] = [];
  for (const tool of catalogue) {
    const entry = byCanonical.get(canonicalToolName(tool.name));
    const hidden = hiddenBy(state, tool.name);
    if (entry === undefined && !hidden) {
      unruled.push(tool);
      continue;
    }
    if (entry !== undefined) used.add(entry.key);
    const key = entry?.key ?? tool.name;
    const rule = entry?.rule;
    const lane = rule === undefined ? "hide" : laneOfRule(rule, hidden);
    cards.push({
      id: `tool:${tool.name}`,
      kind: "tool",
      key,
      lane,
      rule,
      hidden,
      isGlob: false,
      tool,
      item: undefined,
      via: undefined,
    });
  }
  const via = governing(
    state,
    unruled.map((tool) => tool.name),
  );
  for (const tool of unruled) {
    const governedBy = via.get(tool.name);
    cards.push({
      id: `tool:${tool.name}`,
      kind: "tool",
      key: tool.name,
      lane: governedLane(state, governedBy),
      rule: undefined,
      hidden: governedBy === "(hidden)",
      isGlob: false,
      tool,
      item: undefined,
      via: governedBy,
    });
  }
  for (const entry of rules) {
    if (used.has(entry.key)) continue;
    const hidden = hiddenBy(state, entry.key);
    cards.push({
      id: `rule:${entry.key}`,
      kind: "tool",
      key: entry.key,
      lane: laneOfRule(entry.rule, hidden),
      rule: entry.rule,
      hidden,
      isGlob: entry.key.includes("*"),
      tool: undefined,
      item: undefined,
      via: undefined,
    });
  }
  const cardNames = new Set(cards.map((card) => canonicalToolName(card.key)));
  for (const entry of state.hide ?? []) {
    // "resource:…" and "prompt:…" entries are cards on their own boards.
    if (hideTarget(entry).kind !== "tool") continue;
    if (cardNames.has(canonicalToolName(entry))) continue;
    cardNames.add(canonicalToolName(entry));
    cards.push({
      id: `hide:${entry}`,
      kind: "tool",
      key: entry,
      lane: "hide",
      rule: undefined,
      hidden: true,
      isGlob: entry.includes("*"),
      tool: undefined,
      item: undefined,
      via: undefined,
    });
  }
  return cards;
}
