import { z } from "zod";
import { createSnapshot, deleteSnapshot, listSnapshots, restoreSnapshot } from "../hypervisor/snapshots";
import {
  attachDisk,
  createDisk,
  listControllers,
  listIsos,
  mountIso,
  unmountIso,
} from "../hypervisor/storage";
import { vmSummary } from "../hypervisor/vm-views";
import { defineTool, type ToolHandler } from "./define-tool";
import { jsonReply } from "./tool-reply";
import { controllerView, diskView, isoView, mountView, snapshotView } from "./views";

const vmNameArg = z.object({ vm_name: z.string() });
const snapshotArgs = vmNameArg.extend({ snapshot_name: z.string() });
const slotArgs = {
  controller_name: z.string().optional(),
  port: z.number().int().optional(),
  device: z.number().int().optional(),
};

/** The per-operation snapshot, ISO and disk tools. */
export const legacyMediaTools: Record<string, ToolHandler> = {
  CreateSnapshot: defineTool(
    "CreateSnapshot",
    snapshotArgs.extend({ description: z.string().optional() }),
    (hv, input) =>
      jsonReply({
        created: snapshotView(createSnapshot(hv, input.vm_name, input.snapshot_name, input.description)),
      }),
  ),
  ListSnapshots: defineTool("ListSnapshots", vmNameArg, (hv, input) =>
    jsonReply({ vm_name: input.vm_name, snapshots: listSnapshots(hv, input.vm_name).map(snapshotView) }),
  ),
  RestoreSnapshot: defineTool(
    "RestoreSnapshot",
    snapshotArgs.extend({ start_vm: z.boolean().optional() }),
    (hv, input) => {
      const vm = restoreSnapshot(hv, input.vm_name, input.snapshot_name, input.start_vm);
      return jsonReply({ restored: input.snapshot_name, vm: vmSummary(vm) });
    },
  ),
  DeleteSnapshot: defineTool("DeleteSnapshot", snapshotArgs, (hv, input) =>
    jsonReply({
      deleted: deleteSnapshot(hv, input.vm_name, input.snapshot_name).name,
      vm_name: input.vm_name,
    }),
  ),
  ListIsos: defineTool("ListIsos", z.object({}), (hv) => jsonReply({ isos: listIsos(hv).map(isoView) })),
  MountIso: defineTool("MountIso", vmNameArg.extend({ iso_path: z.string(), ...slotArgs }), (hv, input) => {
    const mounted = mountIso(hv, input.vm_name, input.iso_path, {
      controller: input.controller_name,
      port: input.port,
      device: input.device,
    });
    return jsonReply({ vm_name: input.vm_name, mounted: mountView(mounted) });
  }),
  UnmountIso: defineTool("UnmountIso", vmNameArg.extend(slotArgs), (hv, input) =>
    jsonReply({ vm_name: input.vm_name, ejected: mountView(unmountIso(hv, input.vm_name)) }),
  ),
  ListStorageControllers: defineTool("ListStorageControllers", vmNameArg, (hv, input) =>
    jsonReply({
      vm_name: input.vm_name,
      controllers: listControllers(hv, input.vm_name).map(controllerView),
    }),
  ),
  CreateDisk: defineTool(
    "CreateDisk",
    z.object({
      path: z.string(),
      size_gb: z.number().int(),
      format: z.enum(["VDI", "VMDK", "VHD"]).optional(),
    }),
    (hv, input) => jsonReply({ created: diskView(createDisk(hv, input.path, input.size_gb, input.format)) }),
  ),
  AttachDisk: defineTool(
    "AttachDisk",
    vmNameArg.extend({ disk_path: z.string(), ...slotArgs }),
    (hv, input) => {
      const slot = attachDisk(hv, input.vm_name, input.disk_path, {
        controller: input.controller_name,
        port: input.port,
        device: input.device,
      });
      return jsonReply({ vm_name: input.vm_name, attached: mountView({ ...slot, path: input.disk_path }) });
    },
  ),
};
