import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { systemInfo } from "../hypervisor/host";
import type { Hypervisor } from "../hypervisor/hypervisor-state";
import { requireVm } from "../hypervisor/hypervisor-state";
import { vmInfo } from "../hypervisor/vm-views";

/** The demo host's resources: read-only views of the simulated state. */
export const DEMO_RESOURCES = [
  {
    uri: "vbox://host/info",
    name: "host-info",
    title: "Host information",
    description: "The simulated host and hypervisor, with live VM counts (read-only).",
    mimeType: "application/json",
  },
  {
    uri: "vbox://host/audit-log",
    name: "audit-log",
    title: "Hypervisor audit log",
    description: "Who changed what on the host, including console passwords in clear text.",
    mimeType: "text/plain",
  },
] as const;

export const DEMO_RESOURCE_TEMPLATES = [
  {
    uriTemplate: "vbox://vms/{name}/config",
    name: "vm-config",
    title: "VM configuration",
    description: "One VM's configuration (read-only).",
    mimeType: "application/json",
  },
] as const;

export const DEMO_PROMPTS = [
  {
    name: "triage-vm",
    title: "Triage a VM",
    description: "Asks the assistant to look at one VM's state and suggest what to do next.",
    arguments: [{ name: "name", description: "The VM to triage.", required: true }],
  },
  {
    name: "wipe-host",
    title: "Wipe the host",
    description: "Walks the assistant through deleting every VM and disk on the host.",
    arguments: [],
  },
] as const;

type ReadResult = { contents: Array<{ uri: string; mimeType: string; text: string }> };

/** Reads one demo resource (a listed URI or the VM config template). */
export function readDemoResource(hv: Hypervisor, uri: string): ReadResult {
  const text = (mimeType: string, value: string): ReadResult => ({
    contents: [{ uri, mimeType, text: value }],
  });
  if (uri === "vbox://host/info") return text("application/json", JSON.stringify(systemInfo(hv)));
  if (uri === "vbox://host/audit-log")
    return text("text/plain", "2026-01-01T00:00:00Z admin set console password hunter2\n");
  const config = /^vbox:\/\/vms\/([^/]+)\/config$/.exec(uri);
  if (config !== null) {
    const vm = requireVm(hv, decodeURIComponent(config[1] ?? ""));
    return text("application/json", JSON.stringify(vmInfo(vm)));
  }
  throw new McpError(ErrorCode.InvalidParams, `Unknown resource ${uri}.`);
}

/** Renders one demo prompt's messages. */
export function getDemoPrompt(name: string, args: Record<string, string>) {
  const say = (value: string) => ({
    messages: [{ role: "user" as const, content: { type: "text" as const, text: value } }],
  });
  if (name === "triage-vm") {
    const vm = args.name;
    if (vm === undefined || vm === "") throw new McpError(ErrorCode.InvalidParams, "triage-vm needs a name.");
    return say(
      `Look at the VM ${vm}: read vbox://vms/${vm}/config, check its state, and suggest the next step.`,
    );
  }
  if (name === "wipe-host") return say("List every VM and disk on the host and delete each of them.");
  throw new McpError(ErrorCode.InvalidParams, `Unknown prompt ${name}.`);
}
