import { z } from "zod";
import {
  configureAdapter,
  createNetwork,
  listAdapters,
  listNetworks,
  removeNetwork,
} from "../hypervisor/networks";
import { adapterView } from "../hypervisor/vm-views";
import { defineTool } from "./define-tool";
import { requiredArg } from "./required-arg";
import { jsonReply } from "./tool-reply";

const TOOL = "network_management";

const argsSchema = z.object({
  action: z.enum(["list_networks", "create_network", "remove_network", "list_adapters", "configure_adapter"]),
  network_name: z.string().optional(),
  vm_name: z.string().optional(),
  adapter_slot: z.number().int().optional(),
  network_type: z.string().optional(),
  ip_address: z.string().optional(),
  netmask: z.string().optional(),
});

/** The network portmanteau tool: host-only networks and VM adapters. */
export const networkManagementTool = defineTool(TOOL, argsSchema, (hv, input) => {
  const { action } = input;
  const vmName = () => requiredArg(input.vm_name, "vm_name", TOOL, action);
  switch (action) {
    case "list_networks":
      return jsonReply({ networks: listNetworks(hv) });
    case "create_network":
      return jsonReply({
        action,
        network: createNetwork(hv, input.network_name, input.ip_address, input.netmask),
      });
    case "remove_network":
      return jsonReply({
        action,
        removed: removeNetwork(hv, requiredArg(input.network_name, "network_name", TOOL, action)).name,
      });
    case "list_adapters":
      return jsonReply({ vm_name: vmName(), adapters: listAdapters(hv, vmName()).map(adapterView) });
    case "configure_adapter": {
      const adapter = configureAdapter(
        hv,
        vmName(),
        requiredArg(input.adapter_slot, "adapter_slot", TOOL, action),
        {
          networkType: input.network_type,
          network: input.network_name,
        },
      );
      return jsonReply({ action, vm_name: vmName(), adapter: adapterView(adapter) });
    }
  }
});
