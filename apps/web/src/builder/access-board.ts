import { compilePolicy, evaluateAccess, hideTarget, parsePolicy, RULE_LABELS } from "@toolgate/policy-core";
import type { AccessKind, CatalogueAccessItem } from "./access-catalogue";
import {
  ACCESS_SECTION,
  accessEntries,
  canonicalAccessKey,
  findAccessEntry,
  hideEntryNames,
} from "./access-rules";
import type { BoardCard } from "./board";
import { type BuilderState, toPolicy } from "./builder-state";
import { type Lane, laneOfRule } from "./lanes";
import { accessKeyOfPointer } from "./rule-pointer";

const HIDDEN = "(hidden)";

function hiddenExactly(state: BuilderState, kind: AccessKind, key: string): boolean {
  return state.hide?.some((entry) => hideEntryNames(kind, entry, key)) ?? false;
}

// Which key (or "(hidden)") decides each item without a rule of its own: policy-core is asked, as the
// gateway would be, so the board never re-implements matching or precedence.
function governing(state: BuilderState, kind: AccessKind, keys: string[]): Map<string, string> {
  const result = new Map<string, string>();
  const parsed = parsePolicy(toPolicy(state));
  if (!parsed.ok) return result;
  const compiled = compilePolicy(parsed.policy);
  for (const name of keys) {
    const decision = evaluateAccess(compiled, { kind, name, tenantId: "t", serverId: "s", grantId: "g" });
    const via =
      decision.rule === RULE_LABELS.hidden ? HIDDEN : accessKeyOfPointer(ACCESS_SECTION[kind], decision.rule);
    if (via !== undefined) result.set(name, via);
  }
  return result;
}

function governedLane(state: BuilderState, kind: AccessKind, via: string | undefined): Lane {
  if (via === HIDDEN) return "hide";
  const rule = via === undefined ? undefined : findAccessEntry(state, kind, via)?.rule;
  if (rule !== undefined) return laneOfRule(rule, false);
  return state.defaultAction === "deny" ? "deny" : "allow";
}

function card(
  kind: AccessKind,
  fields: Pick<BoardCard, "id" | "key" | "lane" | "rule" | "hidden" | "isGlob" | "item" | "via">,
): BoardCard {
  return { ...fields, kind, tool: undefined };
}

/**
 * The cards of the resources (or prompts) board: catalogue items first, in catalogue order, then the
 * section's other rule keys (globs, names the server does not list), then hide entries of this kind.
 * A key that appears on no catalogue item keeps a card of its own, so nothing in the JSON is lost.
 */
export function accessCards(
  state: BuilderState,
  kind: AccessKind,
  catalogue: CatalogueAccessItem[],
): BoardCard[] {
  const cards: BoardCard[] = [];
  const used = new Set<string>();
  const unruled: CatalogueAccessItem[] = [];
  for (const item of catalogue) {
    const entry = findAccessEntry(state, kind, item.key);
    const hidden = hiddenExactly(state, kind, item.key);
    if (entry === undefined && !hidden) {
      unruled.push(item);
      continue;
    }
    if (entry !== undefined) used.add(entry.key);
    const lane = entry === undefined ? "hide" : laneOfRule(entry.rule, hidden);
    cards.push(
      card(kind, {
        id: `${item.kind}:${item.listed}`,
        key: entry?.key ?? item.key,
        lane,
        rule: entry?.rule,
        hidden,
        isGlob: false,
        item,
        via: undefined,
      }),
    );
  }
  const via = governing(
    state,
    kind,
    unruled.map((item) => item.key),
  );
  for (const item of unruled) {
    const governedBy = via.get(item.key);
    cards.push(
      card(kind, {
        id: `${item.kind}:${item.listed}`,
        key: item.key,
        lane: governedLane(state, kind, governedBy),
        rule: undefined,
        hidden: governedBy === HIDDEN,
        isGlob: false,
        item,
        via: governedBy,
      }),
    );
  }
  for (const [key, rule] of accessEntries(state, kind)) {
    if (used.has(key)) continue;
    const hidden = hiddenExactly(state, kind, key);
    cards.push(
      card(kind, {
        id: `rule:${key}`,
        key,
        lane: laneOfRule(rule, hidden),
        rule,
        hidden,
        isGlob: key.includes("*"),
        item: undefined,
        via: undefined,
      }),
    );
  }
  const onCards = new Set(cards.map((existing) => canonicalAccessKey(kind, existing.key)));
  for (const entry of state.hide ?? []) {
    const target = hideTarget(entry);
    if (target.kind !== kind || onCards.has(target.canonical)) continue;
    onCards.add(target.canonical);
    const key = entry.trimStart().slice(kind.length + 1);
    cards.push(
      card(kind, {
        id: `hide:${entry}`,
        key,
        lane: "hide",
        rule: undefined,
        hidden: true,
        isGlob: key.includes("*"),
        item: undefined,
        via: undefined,
      }),
    );
  }
  return cards;
}
