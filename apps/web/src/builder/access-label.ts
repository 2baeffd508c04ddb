import type { AccessKind } from "./access-catalogue";

const ACCESS_PREFIXES = [
  ["resource:", "resource"],
  ["prompt:", "prompt"],
] as const;

/**
 * The resource or prompt a label names: "resource:<uri>" or "prompt:<name>", the form the gateway logs
 * resources/read, prompts/get and completion/complete under (and the simulator accepts). Undefined for a tool.
 */
export function parseAccessLabel(label: string): { kind: AccessKind; name: string } | undefined {
  for (const [prefix, kind] of ACCESS_PREFIXES) {
    if (label.startsWith(prefix) && label.length > prefix.length)
      return { kind, name: label.slice(prefix.length) };
  }
  return undefined;
}
