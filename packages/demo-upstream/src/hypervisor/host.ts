import { HypervisorError } from "./hypervisor-error";
import { type Hypervisor, requireVm } from "./hypervisor-state";
import type { Vm } from "./types";

/** Guest OS types the simulated hypervisor knows. */
export const OS_TYPES = [
  "Ubuntu_64",
  "Debian_64",
  "Fedora_64",
  "Linux_64",
  "Windows11_64",
  "Windows2022_64",
  "FreeBSD_64",
  "Other_64",
] as const;

/** Host and hypervisor facts, with live counts from the simulated state. */
export function systemInfo(hv: Hypervisor) {
  const vms = [...hv.vms.values()];
  return {
    host: { os: "Debian GNU/Linux 12 (simulated)", cpus: 16, memory_mb: 65_536 },
    hypervisor: { product: "Toolgate demo hypervisor", version: hypervisorVersion() },
    vms: { total: vms.length, running: vms.filter((vm) => vm.state === "running").length },
    isos: hv.isos.length,
    disks: hv.disks.size,
  };
}

/** The simulated hypervisor's version string. */
export function hypervisorVersion(): string {
  return "7.1.4-demo";
}

/** CPU, memory and disk figures of a running VM, stable for a given VM so tests can rely on them. */
export function vmMetrics(hv: Hypervisor, vmName: string) {
  const vm = requireRunning(hv, vmName, "read its metrics");
  const seed = nameSeed(vm.name);
  return {
    vm_name: vm.name,
    cpu_percent: seed % 100,
    memory_used_mb: Math.round((vm.memoryMb * (30 + (seed % 60))) / 100),
    memory_total_mb: vm.memoryMb,
    disk_read_kbps: (seed * 7) % 5000,
    disk_write_kbps: (seed * 13) % 3000,
  };
}

/** Throws unless the VM is running; `action` says what needed it. */
export function requireRunning(hv: Hypervisor, vmName: string, action: string): Vm {
  const vm = requireVm(hv, vmName);
  if (vm.state !== "running") {
    throw new HypervisorError(
      "invalid_state",
      `Virtual machine "${vmName}" is ${vm.state}; start it to ${action}.`,
    );
  }
  return vm;
}

/** A small stable number derived from a name, for deterministic simulated figures. */
export function nameSeed(name: string): number {
  let seed = 7;
  for (const char of name) seed = (seed * 31 + (char.codePointAt(0) ?? 0)) % 1_000_003;
  return seed;
}
