import type { ServerCapabilities } from "@modelcontextprotocol/sdk/types.js";

/** What the tenant URL knows about one server of a grant: its slug and, if known, what it declared. */
export type ServerProfile = {
  serverSlug: string;
  capabilities: ServerCapabilities | undefined;
  instructions: string | undefined;
};

/**
 * The capabilities the tenant URL declares for a grant: the union of what its servers declared, as far
 * as the aggregate relays it (tools, prompts, resources, completions, logging). Tools are always
 * there: the tenant URL answers tools/list even when no server is reachable.
 */
export function mergeCapabilities(profiles: readonly ServerProfile[]): ServerCapabilities {
  const merged: ServerCapabilities = { tools: {} };
  for (const { capabilities } of profiles) {
    if (capabilities === undefined) continue;
    if (capabilities.tools?.listChanged === true) merged.tools = { listChanged: true };
    if (capabilities.prompts !== undefined) {
      merged.prompts = orFlags(merged.prompts, capabilities.prompts, ["listChanged"]);
    }
    if (capabilities.resources !== undefined) {
      merged.resources = orFlags(merged.resources, capabilities.resources, ["subscribe", "listChanged"]);
    }
    if (capabilities.completions !== undefined) merged.completions = {};
    if (capabilities.logging !== undefined) merged.logging = {};
  }
  return merged;
}

function orFlags<K extends string>(
  into: Partial<Record<K, boolean>> | undefined,
  from: Partial<Record<K, boolean>>,
  flags: readonly K[],
): Partial<Record<K, boolean>> {
  const result: Partial<Record<K, boolean>> = { ...into };
  for (const flag of flags) if (from[flag] === true) result[flag] = true;
  return result;
}

/** Every server's instructions, each under its slug so the model knows which prefix they concern. */
export function mergeInstructions(profiles: readonly ServerProfile[], separator: string): string | undefined {
  const parts = profiles
    .filter((profile) => (profile.instructions ?? "").trim() !== "")
    .map((profile) => `[${profile.serverSlug}${separator}*] ${profile.instructions?.trim() ?? ""}`);
  return parts.length === 0 ? undefined : parts.join("\n\n");
}
