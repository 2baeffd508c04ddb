import { z } from "zod";
import { createSnapshot, deleteSnapshot, listSnapshots, restoreSnapshot } from "../hypervisor/snapshots";
import { vmSummary } from "../hypervisor/vm-views";
import { defineTool } from "./define-tool";
import { requiredArg } from "./required-arg";
import { jsonReply } from "./tool-reply";
import { snapshotView } from "./views";

const TOOL = "snapshot_management";

const argsSchema = z.object({
  action: z.enum(["list", "create", "restore", "delete"]),
  vm_name: z.string().optional(),
  snapshot_name: z.string().optional(),
  description: z.string().optional(),
});

/** The snapshot portmanteau tool. */
export const snapshotManagementTool = defineTool(TOOL, argsSchema, (hv, input) => {
  const { action } = input;
  const vmName = requiredArg(input.vm_name, "vm_name", TOOL, action);
  const snapshotName = () => requiredArg(input.snapshot_name, "snapshot_name", TOOL, action);
  switch (action) {
    case "list":
      return jsonReply({ vm_name: vmName, snapshots: listSnapshots(hv, vmName).map(snapshotView) });
    case "create":
      return jsonReply({
        action,
        snapshot: snapshotView(createSnapshot(hv, vmName, snapshotName(), input.description)),
      });
    case "restore":
      return jsonReply({ action, vm: vmSummary(restoreSnapshot(hv, vmName, snapshotName())) });
    case "delete":
      return jsonReply({ action, deleted: deleteSnapshot(hv, vmName, snapshotName()).name });
  }
});
