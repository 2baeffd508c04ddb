import {
  type CompiledPolicy,
  filterPromptList,
  filterResourceList,
  filterResourceTemplateList,
  isAccessVisible,
} from "@toolgate/policy-core";
import type { CachedPolicy } from "../cache/cached-types";
import type { ProtocolRevision } from "../protocol/protocol-revision";
import { privateListResult } from "../protocol/result-shape";
import type { ToolFilter } from "../upstream/response-messages";
import { toolFilter } from "./tool-filter";

type Message = Record<string, unknown>;

/**
 * What the gateway does to one server→client message: the same message, a filtered copy (a listing
 * with what the policy does not let this agent use removed), or null to drop it.
 */
export type ServerMessageFilter = (message: Message) => Message | null;

/** Lets every message through unchanged (DELETE answers, which carry no messages). */
export const PASS_THROUGH: ServerMessageFilter = (message) => message;

function isRecord(value: unknown): value is Message {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Only messages whose text contains one of these can need a change; the rest are not parsed.
const MARKERS = ['"tools"', '"resources"', '"resourceTemplates"', '"prompts"', "resources/updated"];

/** Whether a message's raw JSON text could need filtering (a cheap test before parsing it). */
export function mayNeedFiltering(text: string): boolean {
  for (const marker of MARKERS) if (text.includes(marker)) return true;
  return false;
}

/**
 * The filter for every message a server sends this agent, on any stream: tools/list,
 * resources/list, resources/templates/list and prompts/list results keep only what the policy (and
 * pinning) lets the agent use, and updates about resources it may not read are dropped. With no
 * policy nothing is usable, so every listing is empty. A filtered listing is that grant's view, so on
 * the 2026-07-28 (stateless) wire it is marked private (never served from a shared cache).
 */
export function serverMessageFilter(
  policy: CachedPolicy,
  pinning: ToolFilter,
  revision: ProtocolRevision,
): ServerMessageFilter {
  const tools = toolFilter(policy, pinning);
  const compiled = policy?.compiled ?? null;
  return (message) => {
    if (message.method === "notifications/resources/updated") {
      const uri = isRecord(message.params) ? message.params.uri : undefined;
      const readable =
        compiled !== null && typeof uri === "string" && isAccessVisible(compiled, "resource", uri);
      return readable ? message : null;
    }
    const result = message.result;
    if (!isRecord(result)) return message;
    let filtered: Message | undefined;
    if (Array.isArray(result.tools)) {
      const named = result.tools.filter(
        (tool): tool is { name: string } => isRecord(tool) && typeof tool.name === "string",
      );
      filtered = { ...result, tools: tools(named) };
    }
    if (Array.isArray(result.resources)) {
      filtered = {
        ...(filtered ?? result),
        resources: listed(compiled, result.resources, "uri", filterResourceList),
      };
    }
    if (Array.isArray(result.resourceTemplates)) {
      const templates = listed(compiled, result.resourceTemplates, "uriTemplate", filterResourceTemplateList);
      filtered = { ...(filtered ?? result), resourceTemplates: templates };
    }
    if (Array.isArray(result.prompts)) {
      filtered = {
        ...(filtered ?? result),
        prompts: listed(compiled, result.prompts, "name", filterPromptList),
      };
    }
    return filtered === undefined ? message : { ...message, result: privateListResult(revision, filtered) };
  };
}

// Entries without the identifying string field cannot be checked, so they are left out.
function listed<K extends string>(
  policy: CompiledPolicy | null,
  entries: unknown[],
  field: K,
  filter: (policy: CompiledPolicy, items: Record<K, string>[]) => Record<K, string>[],
): Record<K, string>[] {
  if (policy === null) return [];
  const checkable = entries.filter(
    (entry): entry is Record<K, string> => isRecord(entry) && typeof entry[field] === "string",
  );
  return filter(policy, checkable);
}
