import type { Policy } from "@toolgate/policy-core";
import { describe, expect, it } from "vitest";
import { boardCards } from "./board";
import { fromPolicy } from "./builder-state";
import type { CatalogueTool } from "./catalogue-tool";

const tool = (name: string): CatalogueTool => ({
  name,
  description: "",
  category: "Write",
  risk: "Medium",
  inputSchema: { type: "object" },
});
const catalogue = ["ListVms", "MountIso", "DeleteVm", "DeleteSnapshot", "StartVm"].map(tool);

function lanes(policy: Policy) {
  return Object.fromEntries(
    boardCards(fromPolicy(policy), catalogue).map((card) => [card.id, [card.lane, card.via]]),
  );
}

describe("boardCards", () => {
  it("places every tool by its rule, its glob, the hide list or the default", () => {
    const policy: Policy = {
      version: "1",
      default: "deny",
      hide: ["DeleteSnapshot"],
      tools: {
        ListVms: {},
        mountiso: { rate_limit: "30/minute" },
        "Delete*": { action: "deny" },
        "Start*": { action: "require_approval", require: [{ path: "args.vm_name", op: "exists" }] },
        Unknown: { action: "deny" },
      },
    };
    expect(lanes(policy)).toEqual({
      "tool:ListVms": ["allow", undefined],
      "tool:MountIso": ["rate_limit", undefined],
      "tool:DeleteSnapshot": ["hide", undefined],
      "tool:DeleteVm": ["deny", "Delete*"],
      "tool:StartVm": ["require_approval", "Start*"],
      "rule:Delete*": ["deny", undefined],
      "rule:Start*": ["require_approval", undefined],
      "rule:Unknown": ["deny", undefined],
    });
  });

  it("puts unruled tools in the default's lane and hidden globs in Hide", () => {
    expect(lanes({ version: "1", default: "allow", hide: ["Delete*"] })).toEqual({
      "tool:ListVms": ["allow", undefined],
      "tool:MountIso": ["allow", undefined],
      "tool:StartVm": ["allow", undefined],
      "tool:DeleteVm": ["hide", "(hidden)"],
      "tool:DeleteSnapshot": ["hide", "(hidden)"],
      "hide:Delete*": ["hide", undefined],
    });
  });
});
