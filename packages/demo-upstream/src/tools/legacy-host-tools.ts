import { z } from "zod";
import { systemInfo, vmMetrics } from "../hypervisor/host";
import { HypervisorError } from "../hypervisor/hypervisor-error";
import { configureAdapter, listAdapters } from "../hypervisor/networks";
import { vmScreenshotPng } from "../hypervisor/screenshot";
import { adapterView } from "../hypervisor/vm-views";
import { defineTool, type ToolHandler } from "./define-tool";
import { imageReply, jsonReply } from "./tool-reply";

const vmNameArg = z.object({ vm_name: z.string() });

/** The per-operation network and host tools. */
export const legacyHostTools: Record<string, ToolHandler> = {
  ListNetworkAdapters: defineTool("ListNetworkAdapters", vmNameArg, (hv, input) =>
    jsonReply({ vm_name: input.vm_name, adapters: listAdapters(hv, input.vm_name).map(adapterView) }),
  ),
  ConfigureNetworkAdapter: defineTool(
    "ConfigureNetworkAdapter",
    vmNameArg.extend({
      adapter_id: z.number().int(),
      enabled: z.boolean().optional(),
      network_type: z.enum(["nat", "bridged", "hostonly", "internal"]).optional(),
      mac_address: z.string().optional(),
      cable_connected: z.boolean().optional(),
    }),
    (hv, input) => {
      const adapter = configureAdapter(hv, input.vm_name, input.adapter_id, {
        enabled: input.enabled,
        networkType: input.network_type,
        macAddress: input.mac_address,
        cableConnected: input.cable_connected,
      });
      return jsonReply({ vm_name: input.vm_name, adapter: adapterView(adapter) });
    },
  ),
  GetSystemInfo: defineTool("GetSystemInfo", z.object({}), (hv) => jsonReply(systemInfo(hv))),
  GetVmMetrics: defineTool("GetVmMetrics", vmNameArg, (hv, input) => jsonReply(vmMetrics(hv, input.vm_name))),
  GetVmScreenshot: defineTool(
    "GetVmScreenshot",
    vmNameArg.extend({ output_format: z.enum(["png", "jpeg"]).optional() }),
    (hv, input) => {
      if (input.output_format === "jpeg") {
        throw new HypervisorError(
          "invalid_argument",
          "The demo hypervisor captures PNG only; use output_format png.",
        );
      }
      return imageReply(vmScreenshotPng(hv, input.vm_name), "image/png", `Screen of ${input.vm_name}`);
    },
  ),
};
