import { hashToolDefinition } from "@toolgate/upstream";
import { describe, expect, it } from "vitest";
import { reviewToolList } from "./review-tool-list";
import { isQuarantined, type PinEntry, type ServerPins } from "./server-pins";

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
  return { tenantId: "ten_1", serverId: "srv_1", tools, unparseable: new Set() };
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

  it("keeps a quarantine on later listings without hashing again, and hides what it cannot parse", () => {
    const server = pins(pinnedAs(reviewed));
    expect(reviewToolList(server, [changed]).changes).toHaveLength(1);
    const again = reviewToolList(server, [changed, { name: "Odd", inputSchema: "not an object" }]);
    expect(again.changes).toEqual([]);
    expect(again.visible).toEqual([]);
    expect(isQuarantined(server, "Odd")).toBe(true);
    expect(isQuarantined(server, "ODD")).toBe(true);
  });

  it("quarantines a reviewed tool whose new definition cannot be parsed, and lets it back once it can", () => {
    const server = pins(pinnedAs(reviewed));
    const broken = { ...reviewed, annotations: null };
    const result = reviewToolList(server, [broken]);
    expect(result.visible).toEqual([]);
    expect(result.changes.map((change) => change.kind)).toEqual(["quarantined"]);
    expect(server.tools.get("ListVms")?.state).toBe("quarantined");
    expect(isQuarantined(server, "listvms")).toBe(true);
    const unknown = pins(undefined);
    expect(reviewToolList(unknown, [broken]).visible).toEqual([]);
    expect(isQuarantined(unknown, "ListVms")).toBe(true);
    expect(reviewToolList(unknown, [reviewed]).visible).toEqual([reviewed]);
    expect(isQuarantined(unknown, "ListVms")).toBe(false);
  });

  it("finds a quarantine by canonical name, as the policy matches names", () => {
    const server = pins({ hash: "old", state: "quarantined", pendingHash: "new" });
    for (const name of ["ListVms", "listvms", " LISTVMS ", "ＬｉｓｔＶｍｓ"])
      expect(isQuarantined(server, name)).toBe(true);
    expect(isQuarantined(server, "ListVm")).toBe(false);
  });
});
