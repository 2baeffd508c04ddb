import fixture from "../../test/fixtures/virtualization-tools.json";
import { classifyTool } from "./classify-tool";

describe("the virtualization catalogue", () => {
  it.each(fixture.tools.map((tool) => [tool.name, tool["x-expected-category"], tool] as const))(
    "%s is %s",
    (_, expected, tool) => {
      expect(classifyTool(tool).category).toBe(expected);
    },
  );
});

describe("classifyTool", () => {
  it.each([
    [{ name: "DeleteVm", annotations: { readOnlyHint: true } }, "Destructive"],
    [{ name: "ListVms", annotations: { destructiveHint: true } }, "Destructive"],
    [{ name: "ListVms", annotations: { readOnlyHint: false } }, "Write"],
    [{ name: "frobnicate", annotations: { readOnlyHint: true } }, "Write"],
    [{ name: "list_items", description: "Lists items and permanently deletes stale ones." }, "Destructive"],
    [
      { name: "evaluate", inputSchema: { type: "object", properties: { script: { type: "string" } } } },
      "Execute",
    ],
    [{ name: "close_session", description: "Destroy the current session." }, "Write"],
    [{ name: "GetPowerState" }, "Read"],
  ])("%j is %s", (tool, expected) => {
    expect(classifyTool(tool).category).toBe(expected);
  });

  it("says why, and that an untrusted readOnlyHint was ignored", () => {
    expect(classifyTool({ name: "DeleteVm", annotations: { readOnlyHint: true } })).toEqual({
      category: "Destructive",
      risk: "High",
      reason: 'Destructive because name has "delete"; its readOnlyHint annotation was not trusted',
    });
  });

  it("classifies a portmanteau tool by its worst action and reports each action", () => {
    const tool = fixture.tools.find((candidate) => candidate.name === "vm_management");
    expect(tool && classifyTool(tool)).toMatchObject({
      category: "Destructive",
      reason: 'Destructive because its worst action is "delete" (of 10)',
      actions: {
        list: { category: "Read", risk: "Low" },
        create: { category: "Write", risk: "Medium" },
        start: { category: "Execute", risk: "High" },
        delete: { category: "Destructive", risk: "High" },
        info: { category: "Read", risk: "Low" },
      },
    });
  });

  it.each([
    [{ name: "GetVmInfo" }, "Low"],
    [{ name: "GetVmScreenshot" }, "Medium"],
    [{ name: "CreateVm" }, "Medium"],
    [{ name: "StartVm" }, "High"],
    [{ name: "DeleteSnapshot" }, "High"],
    [{ name: "DeleteVm", description: "Delete the VM and its disks." }, "Critical"],
    [{ name: "run_code", inputSchema: { properties: { code: { type: "string" } } } }, "Critical"],
    [{ name: "GetVmInfo", annotations: { openWorldHint: true } }, "Medium"],
  ])("%j has risk %s", (tool, risk) => {
    expect(classifyTool(tool).risk).toBe(risk);
  });
});
