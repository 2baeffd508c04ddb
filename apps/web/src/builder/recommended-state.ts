import {
  canonicalToolName,
  diffPolicyDocuments,
  type PolicyChange,
  recommendPolicy,
} from "@toolgate/policy-core";
import { boardCards } from "./board";
import { type BuilderState, fromPolicy, toPolicy } from "./builder-state";
import type { CatalogueTool } from "./catalogue-tool";
import type { Lane } from "./lanes";

export type LaneChange = { tool: string; from: Lane; to: Lane };

export type Recommendation = { next: BuilderState; lanes: LaneChange[]; changes: PolicyChange[] };

/**
 * The recommended rules for the catalogue (policy-core's recommendPolicy, tenant overrides
 * applied) merged into the draft: catalogue tools take the recommendation; rules, globs
 * and hide entries for names outside the catalogue, and all_tools limits, are kept.
 * Returns what would change, so the user sees it before applying.
 */
export function recommendedState(state: BuilderState, catalogue: CatalogueTool[]): Recommendation {
  const recommended = fromPolicy(
    recommendPolicy(
      catalogue.map((tool) => ({
        name: tool.name,
        description: tool.description,
        inputSchema: tool.inputSchema,
        class: { category: tool.category, risk: tool.risk, reason: "" },
      })),
    ),
  );
  const inCatalogue = new Set(catalogue.map((tool) => canonicalToolName(tool.name)));
  const outside = (key: string) => !inCatalogue.has(canonicalToolName(key));
  const keptTools = (state.tools ?? []).filter((entry) => outside(entry.key));
  const keptHide = (state.hide ?? []).filter(outside);
  const tools = [...(recommended.tools ?? []), ...keptTools];
  const hide = [...(recommended.hide ?? []), ...keptHide];
  const next: BuilderState = {
    ...state,
    defaultAction: recommended.defaultAction,
    tools: tools.length === 0 ? undefined : tools,
    hide: hide.length === 0 ? undefined : hide,
    // Resource and prompt rules the draft already has are kept; a draft without any gets the recommendation.
    resources: state.resources ?? recommended.resources,
    prompts: state.prompts ?? recommended.prompts,
  };
  const before = new Map(boardCards(state, catalogue).map((card) => [card.id, card.lane]));
  const lanes: LaneChange[] = [];
  for (const card of boardCards(next, catalogue)) {
    const from = before.get(card.id);
    if (card.tool !== undefined && from !== undefined && from !== card.lane) {
      lanes.push({ tool: card.tool.name, from, to: card.lane });
    }
  }
  return { next, lanes, changes: diffPolicyDocuments(toPolicy(state), toPolicy(next)) };
}
