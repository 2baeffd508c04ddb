import { createHash } from "node:crypto";
import { canonicalToolName } from "@toolgate/policy-core";
import { canonicalJson, hashToolDefinition, type UpstreamTool, upstreamToolSchema } from "@toolgate/upstream";
import type { PinEntry, ServerPins } from "./server-pins";

/** A difference between the upstream's tools/list and the catalogue, to be recorded in the database. */
export type PinChange =
  | { kind: "discovered"; tool: UpstreamTool; hash: string }
  | { kind: "quarantined"; entry: PinEntry; tool: UpstreamTool; hash: string }
  | { kind: "pending_replaced"; entry: PinEntry; tool: UpstreamTool; hash: string }
  | { kind: "unreviewed_updated"; entry: PinEntry; tool: UpstreamTool; hash: string };

type Listed = { name: string };

/**
 * Compares a tools/list page with the server's pins: a reviewed tool whose definition changed is
 * quarantined (left out), a new one is recorded as unreviewed (kept, for the policy to decide).
 * Updates `pins` in memory at once, so the very next tools/call already sees the quarantine; the
 * returned changes are for the database. An unchanged tool costs one JSON.stringify, no hash.
 */
export function reviewToolList<T extends Listed>(
  pins: ServerPins,
  tools: T[],
): { visible: T[]; changes: PinChange[] } {
  const visible: T[] = [];
  const changes: PinChange[] = [];
  for (const listed of tools) {
    const entry = pins.tools.get(listed.name);
    const json = JSON.stringify(listed);
    if (entry !== undefined && entry.seenJson === json) {
      if (entry.state !== "quarantined") visible.push(listed);
      continue;
    }
    const parsed = upstreamToolSchema.safeParse(listed);
    const canonical = canonicalToolName(listed.name);
    if (!parsed.success) {
      // Fail closed: a definition that cannot be read cannot be compared with the reviewed one. It is
      // hidden and refused; a reviewed tool is quarantined (recorded) as if it had changed.
      pins.unparseable.add(canonical);
      const change =
        entry?.state === "pinned"
          ? compare(pins, entry, salvage(listed), unparseableHash(listed))
          : undefined;
      if (change !== undefined) changes.push(change);
      continue;
    }
    pins.unparseable.delete(canonical);
    const tool = parsed.data;
    const hash = hashToolDefinition(tool);
    const change = compare(pins, entry, tool, hash);
    if (change !== undefined) changes.push(change);
    const current = pins.tools.get(listed.name);
    if (current !== undefined) current.seenJson = json;
    if (current?.state !== "quarantined") visible.push(listed);
  }
  return { visible, changes };
}

// Distinct from every parseable definition's hash, so an unparseable one never matches a reviewed one.
function unparseableHash(listed: Listed): string {
  return `unparseable:${createHash("sha256").update(canonicalJson(listed)).digest("hex")}`;
}

// What can be kept of an unparseable definition, so the catalogue can show what changed.
function salvage(listed: Listed): UpstreamTool {
  const record = listed as Record<string, unknown>;
  const description = typeof record.description === "string" ? record.description : undefined;
  const schema = record.inputSchema;
  const inputSchema =
    typeof schema === "object" && schema !== null && !Array.isArray(schema)
      ? { ...schema, type: "object" as const }
      : { type: "object" as const };
  return { name: listed.name, description, inputSchema };
}

function compare(
  pins: ServerPins,
  entry: PinEntry | undefined,
  tool: UpstreamTool,
  hash: string,
): PinChange | undefined {
  if (entry === undefined) {
    pins.tools.set(tool.name, { id: "", hash, state: "unreviewed", pendingHash: null });
    return { kind: "discovered", tool, hash };
  }
  switch (entry.state) {
    case "pinned":
      if (entry.hash === hash) return undefined;
      entry.state = "quarantined";
      entry.pendingHash = hash;
      return { kind: "quarantined", entry, tool, hash };
    case "quarantined":
      if (entry.pendingHash === hash) return undefined;
      entry.pendingHash = hash;
      return { kind: "pending_replaced", entry, tool, hash };
    case "unreviewed":
      // Never reviewed, so there is nothing to protect: the catalogue follows the upstream.
      if (entry.hash === hash) return undefined;
      entry.hash = hash;
      return { kind: "unreviewed_updated", entry, tool, hash };
  }
}
