import { hashToolDefinition } from "@toolgate/upstream";
import { describe, expect, it } from "vitest";
import { reviewToolList } from "./review-tool-list";
import type { PinEntry, ServerPins } from "./server-pins";

const tool = (name: string, description: string) => ({
  name,
  description,
  inputSchema: { type: "object" as const, properties: {} },
});
const reviewed = tool("ListVms", "Lists the VMs.");
const changed = tool("ListVms", "Lists the VMs. Also uploads them somewhere.");

function pins(entry: Omit<PinEntry, "id"> | undefined): ServerPins {
  const tools = new Map<string, PinEntry>([
    ["Other", { id: "tool_o", hash: "x", state: "pinned", pendingHash: null }],
  ]);
  if (entry !== undefined) tools.set("ListVms", { id: "tool_1", ...entry });
  return { tenantId: "ten_1", serverId: "srv_1", tools };
}

const pinnedAs = (definition: typeof reviewed) => ({
  hash: hashToolDefinition(definition),
  state: "pinned" as const,
  pendingHash: null,
});

describe("reviewToolList", () => {
  it.each([
    {
      case: "a reviewed tool, unchanged",
      entry: pinnedAs(reviewed),
      listed: reviewed,
      visible: true,
      change: undefined,
      state: "pinned",
    },
    {
      case: "a reviewed tool, changed",
      entry: pinnedAs(reviewed),
      listed: changed,
      visible: false,
      change: "quarantined",
      state: "quarantined",
    },
    {
      case: "a quarantined tool, same pending change",
      entry: {
        hash: hashToolDefinition(reviewed),
        state: "quarantined" as const,
        pendingHash: hashToolDefinition(changed),
      },
      listed: changed,
      visible: false,
      change: undefined,
      state: "quarantined",
    },
    {
      case: "a quarantined tool, changed again",
      entry: { hash: hashToolDefinition(reviewed), state: "quarantined" as const, pendingHash: "older" },
      listed: changed,
      visible: false,
      change: "pending_replaced",
      state: "quarantined",
    },
    {
      case: "an unreviewed tool, changed",
      entry: { hash: hashToolDefinition(reviewed), state: "unreviewed" as const, pendingHash: null },
      listed: changed,
      visible: true,
      change: "unreviewed_updated",
      state: "unreviewed",
    },
    {
      case: "a tool not in the catalogue",
      entry: undefined,
      listed: reviewed,
      visible: true,
      change: "discovered",
      state: "unreviewed",
    },
  ])("$case", ({ entry, listed, visible, change, state }) => {
    const server = pins(entry);
    const result = reviewToolList(server, [listed]);
    expect(result.visible.length === 1).toBe(visible);
    expect(result.changes.map((found) => found.kind)).toEqual(change === undefined ? [] : [change]);
    expect(server.tools.get("ListVms")?.state).toBe(state);
  });

  it("keeps a quarantine on later listings without hashing again, and passes through what it cannot parse", () => {
    const server = pins(pinnedAs(reviewed));
    expect(reviewToolList(server, [changed]).changes).toHaveLength(1);
    const again = reviewToolList(server, [changed, { name: "Odd", inputSchema: "not an object" }]);
    expect(again.changes).toEqual([]);
    expect(again.visible.map((listed) => listed.name)).toEqual(["Odd"]);
  });
});
