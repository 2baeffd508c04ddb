import { z } from "zod";
import { requireVm } from "../hypervisor/hypervisor-state";
import {
  cloneVm,
  createVm,
  deleteVm,
  listVms,
  pauseVm,
  resetVm,
  resumeVm,
  startVm,
  stopVm,
} from "../hypervisor/vm-lifecycle";
import { vmInfo, vmSummary } from "../hypervisor/vm-views";
import { defineTool } from "./define-tool";
import { requiredArg } from "./required-arg";
import { jsonReply } from "./tool-reply";

const TOOL = "vm_management";

const argsSchema = z.object({
  action: z.enum(["list", "create", "start", "stop", "delete", "clone", "reset", "pause", "resume", "info"]),
  vm_name: z.string().optional(),
  source_vm: z.string().optional(),
  new_vm_name: z.string().optional(),
  os_type: z.string().optional(),
  memory_mb: z.number().int().optional(),
  disk_size_gb: z.number().int().optional(),
  limit: z.number().int().min(1).optional(),
  offset: z.number().int().min(0).optional(),
});

/** The VM lifecycle portmanteau tool: one tool, dispatching on `action`. */
export const vmManagementTool = defineTool(TOOL, argsSchema, (hv, input) => {
  const { action } = input;
  const vmName = () => requiredArg(input.vm_name, "vm_name", TOOL, action);
  switch (action) {
    case "list": {
      const all = listVms(hv);
      const offset = input.offset ?? 0;
      const page = all.slice(offset, offset + (input.limit ?? all.length));
      return jsonReply({ vms: page.map(vmSummary), total: all.length, offset });
    }
    case "info":
      return jsonReply(vmInfo(requireVm(hv, vmName())));
    case "create": {
      const vm = createVm(hv, {
        name: vmName(),
        osType: input.os_type ?? "Other_64",
        memoryMb: input.memory_mb ?? 1024,
        diskSizeGb: input.disk_size_gb ?? 20,
      });
      return jsonReply({ action, vm: vmInfo(vm) });
    }
    case "start":
      return jsonReply({ action, vm: vmSummary(startVm(hv, vmName())) });
    case "stop":
      return jsonReply({ action, vm: vmSummary(stopVm(hv, vmName())) });
    case "pause":
      return jsonReply({ action, vm: vmSummary(pauseVm(hv, vmName())) });
    case "resume":
      return jsonReply({ action, vm: vmSummary(resumeVm(hv, vmName())) });
    case "reset":
      return jsonReply({ action, vm: vmSummary(resetVm(hv, vmName())) });
    case "delete": {
      const result = deleteVm(hv, vmName());
      return jsonReply({ action, deleted: result.name, deleted_disks: result.deletedDisks });
    }
    case "clone": {
      const source = input.source_vm ?? vmName();
      const clone = cloneVm(hv, source, requiredArg(input.new_vm_name, "new_vm_name", TOOL, action));
      return jsonReply({ action, source_vm: source, vm: vmInfo(clone) });
    }
  }
});
