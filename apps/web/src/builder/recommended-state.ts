import {
  canonicalToolName,
  diffPolicyDocuments,
  type PolicyChange,
  recommendPolicy,
} from "@toolgate/policy-core";
import { accessCards } from "./access-board";
import type { AccessCatalogue } from "./access-catalogue";
import { boardCards } from "./board";
import { type BuilderState, fromPolicy, toPolicy } from "./builder-state";
import type { CatalogueTool } from "./catalogue-tool";
import type { Lane } from "./lanes";
import { recommendedAccess } from "./recommended-access";

/** One catalogue card that would change lane: a tool, resource (template) or prompt, by its listed name. */
export type LaneChange = { kind: "tool" | "resource" | "prompt"; tool: string; from: Lane; to: Lane };

export type Recommendation = { next: BuilderState; lanes: LaneChange[]; changes: PolicyChange[] };

/**
 * The recommended rules for the catalogue (policy-core's recommendPolicy, tenant overrides
 * applied) merged into the draft: catalogue tools take the recommendation; rules, globs
 * and hide entries for names outside the catalogue, and all_tools limits, are kept. Resource and
 * prompt rules the draft has are kept; each catalogued resource, template and prompt they leave
 * ungoverned is allowed by a rule of its own. Returns what would change, so the user sees it before
 * applying.
 */
export function recommendedState(
  state: BuilderState,
  catalogue: CatalogueTool[],
  access: AccessCatalogue,
): Recommendation {
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
    resources: recommendedAccess(state, "resource", access.resources),
    prompts: recommendedAccess(state, "prompt", access.prompts),
  };
  const cardsOf = (of: BuilderState) => [
    ...boardCards(of, catalogue),
    ...accessCards(of, "resource", access.resources),
    ...accessCards(of, "prompt", access.prompts),
  ];
  const before = new Map(cardsOf(state).map((card) => [`${card.kind} ${card.id}`, card.lane]));
  const lanes: LaneChange[] = [];
  for (const card of cardsOf(next)) {
    const from = before.get(`${card.kind} ${card.id}`);
    const name = card.tool?.name ?? card.item?.listed;
    if (name !== undefined && from !== undefined && from !== card.lane) {
      lanes.push({ kind: card.kind, tool: name, from, to: card.lane });
    }
  }
  return { next, lanes, changes: diffPolicyDocuments(toPolicy(state), toPolicy(next)) };
}
