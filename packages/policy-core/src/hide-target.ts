import { canonicalToolName } from "./canonical-name";
import { canonicalResourceUri } from "./canonical-uri";

/** What a policy governs: tools (tools/call), resources (resources/read) or prompts (prompts/get). */
export type AccessKind = "tool" | "resource" | "prompt";

// Implicit rate_limit counters of resources and prompts never share a budget with a tool's.
export const RESOURCE_COUNTER_PREFIX = "resource:";
export const PROMPT_COUNTER_PREFIX = "prompt:";

const RESOURCE_PREFIX = "resource:";
const PROMPT_PREFIX = "prompt:";

/** What one `hide` entry hides: "resource:<uri-glob>", "prompt:<name-glob>", else a tool name or glob. */
export function hideTarget(entry: string): { kind: AccessKind; canonical: string } {
  const trimmed = entry.trimStart();
  const lower = trimmed.slice(0, RESOURCE_PREFIX.length).toLowerCase();
  if (lower === RESOURCE_PREFIX) {
    return { kind: "resource", canonical: canonicalResourceUri(trimmed.slice(RESOURCE_PREFIX.length)) };
  }
  if (lower.startsWith(PROMPT_PREFIX)) {
    return { kind: "prompt", canonical: canonicalToolName(trimmed.slice(PROMPT_PREFIX.length)) };
  }
  return { kind: "tool", canonical: canonicalToolName(entry) };
}
