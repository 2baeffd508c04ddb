import { describe, expect, it } from "vitest";
import { createHypervisor } from "../hypervisor/create-hypervisor";
import { loadDemoTools } from "../tool-catalog";
import { callDemoTool } from "./call-demo-tool";
import { toolHandlers } from "./tool-handlers";

describe("tool handlers", () => {
  it("implement exactly the advertised tools", () => {
    expect([...toolHandlers.keys()].sort()).toEqual(
      loadDemoTools()
        .map((tool) => tool.name)
        .sort(),
    );
  });

  it.each([
    ["ListVms", {}],
    ["GetSystemInfo", {}],
    ["ListIsos", {}],
    ["network_management", { action: "list_networks" }],
    ["storage_management", { action: "list_disks" }],
    ["system_management", { action: "ostypes" }],
    ["sandbox_management", { action: "session_list" }],
  ])("%s answers on a freshly seeded host", (name, args) => {
    expect(callDemoTool(createHypervisor(), name, args).isError).toBeUndefined();
  });

  it("sandbox sessions keep their files between calls", () => {
    const hv = createHypervisor();
    callDemoTool(hv, "sandbox_management", { action: "session_create", language: "python" });
    const [session] = hv.sandboxes.keys();
    const write = callDemoTool(hv, "sandbox_management", {
      action: "session_write_file",
      session_id: session,
      code: "print(1)\nprint(2)\n",
    });
    expect(write.isError).toBeUndefined();
    const run = callDemoTool(hv, "sandbox_management", { action: "execute_file", session_id: session });
    expect(run.content[0]).toMatchObject({ type: "text", text: expect.stringContaining("2 line(s)") });
    expect(hv.sandboxes.get(session ?? "")?.runs).toBe(1);
  });

  it("seeds the same host every time", () => {
    const a = createHypervisor();
    const b = createHypervisor();
    expect([...a.vms.values()]).toEqual([...b.vms.values()]);
    expect([...a.vms.keys()].sort()).toEqual(["alpine-ci", "debian-db", "ubuntu-web", "win11-desktop"]);
  });
});
