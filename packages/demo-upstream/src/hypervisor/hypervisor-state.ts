import { HypervisorError } from "./hypervisor-error";
import type { DiskImage, HostNetwork, Iso, SandboxSession, Vm } from "./types";

/** The whole simulated host: one per demo server instance, mutated by the tools. */
export type Hypervisor = {
  vms: Map<string, Vm>;
  isos: Iso[];
  disks: Map<string, DiskImage>;
  networks: Map<string, HostNetwork>;
  sandboxes: Map<string, SandboxSession>;
  /** A logical clock so that timestamps, ids and MAC addresses are deterministic. */
  sequence: number;
};

const EPOCH_MS = Date.UTC(2026, 0, 1);

/** Advances the logical clock and returns its new value. */
export function nextSequence(hv: Hypervisor): number {
  hv.sequence += 1;
  return hv.sequence;
}

/** A deterministic ISO timestamp: one simulated minute per event. */
export function nextTimestamp(hv: Hypervisor): string {
  return new Date(EPOCH_MS + nextSequence(hv) * 60_000).toISOString();
}

/** A deterministic UUID-shaped id. */
export function nextUuid(hv: Hypervisor): string {
  const hex = nextSequence(hv).toString(16).padStart(12, "0");
  return `0d3e0000-0000-4000-8000-${hex}`;
}

/** A deterministic MAC in VirtualBox's 08:00:27 range, written as VirtualBox does (no separators). */
export function nextMacAddress(hv: Hypervisor): string {
  return `080027${nextSequence(hv).toString(16).toUpperCase().padStart(6, "0")}`;
}

/** Looks a VM up by name or throws a `not_found` error naming it. */
export function requireVm(hv: Hypervisor, name: string): Vm {
  const vm = hv.vms.get(name);
  if (vm === undefined) {
    const known = [...hv.vms.keys()].join(", ") || "none";
    throw new HypervisorError("not_found", `Virtual machine "${name}" not found. Known VMs: ${known}.`);
  }
  return vm;
}
