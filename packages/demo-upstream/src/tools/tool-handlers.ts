import type { ToolHandler } from "./define-tool";
import { legacyHostTools } from "./legacy-host-tools";
import { legacyMediaTools } from "./legacy-media-tools";
import { legacyVmTools } from "./legacy-vm-tools";
import { networkManagementTool } from "./network-management-tool";
import { sandboxManagementTool } from "./sandbox-management-tool";
import { snapshotManagementTool } from "./snapshot-management-tool";
import { storageManagementTool } from "./storage-management-tool";
import { systemManagementTool } from "./system-management-tool";
import { vmManagementTool } from "./vm-management-tool";

/** Every demo tool's implementation, by tool name. */
export const toolHandlers: ReadonlyMap<string, ToolHandler> = new Map(
  Object.entries({
    ...legacyVmTools,
    ...legacyMediaTools,
    ...legacyHostTools,
    vm_management: vmManagementTool,
    snapshot_management: snapshotManagementTool,
    network_management: networkManagementTool,
    storage_management: storageManagementTool,
    system_management: systemManagementTool,
    sandbox_management: sandboxManagementTool,
  }),
);
