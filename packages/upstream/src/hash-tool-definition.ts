import { createHash } from "node:crypto";
import type { UpstreamTool } from "./upstream-tool";

/**
 * sha256 (hex) of a tool's name, description, input schema and annotations as canonical JSON
 * (object keys sorted, absent fields omitted), so a changed definition can be detected (pinning).
 */
export function hashToolDefinition(tool: UpstreamTool): string {
  const { name, description, inputSchema, annotations } = tool;
  return createHash("sha256")
    .update(canonicalJson({ name, description, inputSchema, annotations }))
    .digest("hex");
}

/** JSON with object keys sorted at every depth; undefined object members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
