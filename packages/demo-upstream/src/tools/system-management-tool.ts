import { z } from "zod";
import { hypervisorVersion, OS_TYPES, systemInfo, vmMetrics } from "../hypervisor/host";
import { vmScreenshotPng } from "../hypervisor/screenshot";
import { defineTool } from "./define-tool";
import { requiredArg } from "./required-arg";
import { imageReply, jsonReply } from "./tool-reply";

const TOOL = "system_management";

const argsSchema = z.object({
  action: z.enum(["host_info", "vbox_version", "ostypes", "metrics", "screenshot"]),
  vm_name: z.string().optional(),
});

/** The host-information portmanteau tool. */
export const systemManagementTool = defineTool(TOOL, argsSchema, (hv, input) => {
  const { action } = input;
  switch (action) {
    case "host_info":
      return jsonReply(systemInfo(hv));
    case "vbox_version":
      return jsonReply({ version: hypervisorVersion() });
    case "ostypes":
      return jsonReply({ os_types: OS_TYPES });
    case "metrics":
      return jsonReply(vmMetrics(hv, requiredArg(input.vm_name, "vm_name", TOOL, action)));
    case "screenshot": {
      const vmName = requiredArg(input.vm_name, "vm_name", TOOL, action);
      return imageReply(vmScreenshotPng(hv, vmName), "image/png", `Screen of ${vmName}`);
    }
  }
});
