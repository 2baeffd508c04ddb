import { z } from "zod";
import {
  attachDisk,
  createController,
  createDisk,
  listControllers,
  listDisks,
  removeController,
} from "../hypervisor/storage";
import { defineTool } from "./define-tool";
import { requiredArg } from "./required-arg";
import { jsonReply } from "./tool-reply";
import { controllerView, diskView, mountView } from "./views";

const TOOL = "storage_management";

const argsSchema = z.object({
  action: z.enum([
    "list_controllers",
    "create_controller",
    "remove_controller",
    "list_disks",
    "create_disk",
    "attach_disk",
  ]),
  vm_name: z.string().optional(),
  controller_name: z.string().optional(),
  disk_path: z.string().optional(),
  size_gb: z.number().int().optional(),
});

/** The storage portmanteau tool: controllers and disk images. */
export const storageManagementTool = defineTool(TOOL, argsSchema, (hv, input) => {
  const { action } = input;
  const vmName = () => requiredArg(input.vm_name, "vm_name", TOOL, action);
  const controllerName = () => requiredArg(input.controller_name, "controller_name", TOOL, action);
  const diskPath = () => requiredArg(input.disk_path, "disk_path", TOOL, action);
  switch (action) {
    case "list_controllers":
      return jsonReply({ vm_name: vmName(), controllers: listControllers(hv, vmName()).map(controllerView) });
    case "create_controller":
      return jsonReply({
        action,
        controller: controllerView(createController(hv, vmName(), controllerName())),
      });
    case "remove_controller":
      return jsonReply({ action, removed: removeController(hv, vmName(), controllerName()).name });
    case "list_disks":
      return jsonReply({ disks: listDisks(hv).map(diskView) });
    case "create_disk": {
      const disk = createDisk(hv, diskPath(), requiredArg(input.size_gb, "size_gb", TOOL, action));
      return jsonReply({ action, disk: diskView(disk) });
    }
    case "attach_disk": {
      const slot = attachDisk(hv, vmName(), diskPath(), { controller: input.controller_name });
      return jsonReply({ action, vm_name: vmName(), attached: mountView({ ...slot, path: diskPath() }) });
    }
  }
});
