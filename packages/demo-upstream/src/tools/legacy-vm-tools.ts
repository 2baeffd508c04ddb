import { z } from "zod";
import { requireVm } from "../hypervisor/hypervisor-state";
import { createVm, deleteVm, listVms, modifyVm, startVm, stopVm } from "../hypervisor/vm-lifecycle";
import { vmInfo, vmSummary } from "../hypervisor/vm-views";
import { defineTool, type ToolHandler } from "./define-tool";
import { jsonReply } from "./tool-reply";

const vmNameArg = z.object({ vm_name: z.string() });
const nameArg = z.object({ name: z.string() });

/** The per-operation VM tools (ListVms, StartVm, …). */
export const legacyVmTools: Record<string, ToolHandler> = {
  ListVms: defineTool(
    "ListVms",
    z.object({
      details: z.boolean().optional(),
      state_filter: z.enum(["all", "running", "stopped", "paused"]).optional(),
    }),
    (hv, input) => {
      const vms = listVms(hv, input.state_filter);
      return jsonReply({ vms: vms.map(input.details ? vmInfo : vmSummary), count: vms.length });
    },
  ),
  GetVmState: defineTool("GetVmState", vmNameArg, (hv, input) => {
    const vm = requireVm(hv, input.vm_name);
    return jsonReply({ vm_name: vm.name, state: vm.state });
  }),
  GetVmInfo: defineTool("GetVmInfo", vmNameArg, (hv, input) =>
    jsonReply(vmInfo(requireVm(hv, input.vm_name))),
  ),
  CreateVm: defineTool(
    "CreateVm",
    z.object({
      name: z.string(),
      ostype: z.string().optional(),
      memory_mb: z.number().int().optional(),
      disk_size_gb: z.number().int().optional(),
    }),
    (hv, input) => {
      const vm = createVm(hv, {
        name: input.name,
        osType: input.ostype ?? "Other_64",
        memoryMb: input.memory_mb ?? 1024,
        diskSizeGb: input.disk_size_gb ?? 20,
      });
      return jsonReply({ created: vmInfo(vm) });
    },
  ),
  StartVm: defineTool("StartVm", nameArg.extend({ headless: z.boolean().optional() }), (hv, input) =>
    jsonReply({ started: vmSummary(startVm(hv, input.name, input.headless)) }),
  ),
  StopVm: defineTool("StopVm", nameArg.extend({ force: z.boolean().optional() }), (hv, input) =>
    jsonReply({ stopped: vmSummary(stopVm(hv, input.name, input.force)) }),
  ),
  DeleteVm: defineTool("DeleteVm", nameArg.extend({ delete_disk: z.boolean().optional() }), (hv, input) => {
    const result = deleteVm(hv, input.name, input.delete_disk ?? true);
    return jsonReply({ deleted: result.name, deleted_disks: result.deletedDisks });
  }),
  ModifyVm: defineTool(
    "ModifyVm",
    vmNameArg.extend({
      memory_mb: z.number().int().optional(),
      cpus: z.number().int().optional(),
      vram_mb: z.number().int().optional(),
    }),
    (hv, input) => {
      const vm = modifyVm(hv, input.vm_name, {
        memoryMb: input.memory_mb,
        cpus: input.cpus,
        vramMb: input.vram_mb,
      });
      return jsonReply({ modified: vmInfo(vm) });
    },
  ),
};
