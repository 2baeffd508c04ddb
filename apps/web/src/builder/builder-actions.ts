import {
  canonicalToolName,
  type Policy,
  type PolicyAccessRule,
  type PolicyLimit,
  type PolicyRule,
} from "@toolgate/policy-core";
import type { AccessKind } from "./access-catalogue";
import {
  accessHideEntry,
  findAccessEntry,
  hideEntryNames,
  toAccessRule,
  withAccessRule,
  withoutAccessRule,
} from "./access-rules";
import { type BuilderState, fromPolicy } from "./builder-state";
import { accessLimitKey, defaultLimitFor } from "./default-limit";
import type { Lane } from "./lanes";

/** Everything the visual side can do to the policy; applied by `applyBuilderAction`. */
export type BuilderAction =
  | { type: "move"; key: string; lane: Lane }
  | { type: "set_rule"; key: string; rule: PolicyRule }
  | { type: "remove"; key: string }
  | { type: "move_access"; kind: AccessKind; key: string; lane: Lane }
  | { type: "set_access_rule"; kind: AccessKind; key: string; rule: PolicyAccessRule }
  | { type: "remove_access"; kind: AccessKind; key: string }
  | { type: "set_default"; value: Policy["default"] }
  | { type: "set_all_tools_limits"; limits: PolicyLimit[] }
  | { type: "replace"; policy: Policy }
  | { type: "clear" };

const sameName = (a: string, b: string) => canonicalToolName(a) === canonicalToolName(b);

function findRule(state: BuilderState, key: string): PolicyRule | undefined {
  return state.tools?.find((entry) => sameName(entry.key, key))?.rule;
}

function withRule(state: BuilderState, key: string, rule: PolicyRule): BuilderState {
  const tools = state.tools ?? [];
  const index = tools.findIndex((entry) => sameName(entry.key, key));
  if (index === -1) return { ...state, tools: [...tools, { key, rule }] };
  return {
    ...state,
    tools: tools.map((entry, i) => (i === index ? { key: entry.key, rule } : entry)),
  };
}

function withoutRule(state: BuilderState, key: string): BuilderState {
  const tools = state.tools?.filter((entry) => !sameName(entry.key, key));
  return { ...state, tools: tools === undefined || tools.length === 0 ? undefined : tools };
}

function withoutHide(state: BuilderState, key: string): BuilderState {
  const hide = state.hide?.filter((entry) => !sameName(entry, key));
  if (hide?.length === state.hide?.length) return state;
  return { ...state, hide: hide === undefined || hide.length === 0 ? undefined : hide };
}

function ruleFields(rule: PolicyRule) {
  const { action, limits, rate_limit, approval, ...kept } = rule;
  return { action, limits, rate_limit, approval, kept };
}

/**
 * The rule a key gets in a lane. Conditions and the deny message always travel with the
 * card; limits survive a move to Require approval, and a move to Rate-limit adds a
 * default limit only when the rule has none.
 */
function ruleForLane(
  current: PolicyRule | undefined,
  lane: Exclude<Lane, "hide">,
  defaultLimit: () => PolicyLimit,
): PolicyRule {
  const { action, limits, rate_limit, approval, kept } = ruleFields(current ?? {});
  const limitFields = {
    ...(limits !== undefined ? { limits } : {}),
    ...(rate_limit !== undefined ? { rate_limit } : {}),
  };
  switch (lane) {
    case "allow":
      return action === "allow" ? { action, ...kept } : kept;
    case "deny":
      return { action: "deny", ...kept };
    case "require_approval":
      return { action: "require_approval", ...kept, ...limitFields, ...(approval ? { approval } : {}) };
    case "rate_limit": {
      const hasLimits = (limits?.length ?? 0) > 0 || rate_limit !== undefined;
      const explicit = action === "allow" ? { action } : {};
      return hasLimits
        ? { ...explicit, ...kept, ...limitFields }
        : { ...explicit, ...kept, limits: [defaultLimit()] };
    }
  }
}

function move(state: BuilderState, key: string, lane: Lane): BuilderState {
  if (lane === "hide") {
    if (state.hide?.some((entry) => sameName(entry, key))) return state;
    return { ...state, hide: [...(state.hide ?? []), key] };
  }
  const visible = withoutHide(state, key);
  const rule = ruleForLane(findRule(visible, key), lane, () => defaultLimitFor(visible, key));
  return withRule(visible, key, rule);
}

function withoutAccessHide(state: BuilderState, kind: AccessKind, key: string): BuilderState {
  const hide = state.hide?.filter((entry) => !hideEntryNames(kind, entry, key));
  if (hide?.length === state.hide?.length) return state;
  return { ...state, hide: hide === undefined || hide.length === 0 ? undefined : hide };
}

/** A resource or prompt card's move: the same lanes and rule changes as a tool's, in its own section. */
function moveAccess(state: BuilderState, kind: AccessKind, key: string, lane: Lane): BuilderState {
  if (lane === "hide") {
    if (state.hide?.some((entry) => hideEntryNames(kind, entry, key))) return state;
    return { ...state, hide: [...(state.hide ?? []), accessHideEntry(kind, key)] };
  }
  const visible = withoutAccessHide(state, kind, key);
  const current = findAccessEntry(visible, kind, key)?.rule;
  const rule = ruleForLane(current, lane, () => defaultLimitFor(visible, accessLimitKey(kind, key)));
  return withAccessRule(visible, kind, key, toAccessRule(rule));
}

/** Applies one visual edit to the builder state (pure; returns a new state). */
export function applyBuilderAction(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case "move":
      return move(state, action.key, action.lane);
    case "set_rule":
      return withRule(state, action.key, action.rule);
    case "remove":
      return withoutHide(withoutRule(state, action.key), action.key);
    case "move_access":
      return moveAccess(state, action.kind, action.key, action.lane);
    case "set_access_rule":
      return withAccessRule(state, action.kind, action.key, action.rule);
    case "remove_access":
      return withoutAccessHide(withoutAccessRule(state, action.kind, action.key), action.kind, action.key);
    case "set_default":
      return { ...state, defaultAction: action.value };
    case "set_all_tools_limits":
      return { ...state, allTools: action.limits.length === 0 ? undefined : { limits: action.limits } };
    case "replace":
      return fromPolicy(action.policy);
    case "clear":
      return {
        ...state,
        hide: undefined,
        allTools: undefined,
        tools: undefined,
        resources: undefined,
        prompts: undefined,
      };
  }
}
