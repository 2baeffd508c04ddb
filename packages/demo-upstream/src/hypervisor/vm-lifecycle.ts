import { HypervisorError } from "./hypervisor-error";
import { type Hypervisor, nextMacAddress, nextUuid, requireVm } from "./hypervisor-state";
import type { NetworkAdapter, StorageController, Vm, VmState } from "./types";

const DEFAULT_CONTROLLERS: StorageController[] = [
  { name: "IDE", bus: "IDE", portCount: 2 },
  { name: "SATA", bus: "SATA", portCount: 4 },
];
const ADAPTER_COUNT = 4;
const MEMORY_RANGE = { min: 4, max: 1_048_576 };
const CPU_RANGE = { min: 1, max: 64 };
const VRAM_RANGE = { min: 0, max: 256 };

/** Lists VMs, optionally only those in one state, sorted by name. */
export function listVms(hv: Hypervisor, stateFilter: VmState | "all" = "all"): Vm[] {
  return [...hv.vms.values()]
    .filter((vm) => stateFilter === "all" || vm.state === stateFilter)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Input for createVm; sizes default like a small Linux guest. */
export type NewVm = { name: string; osType?: string; memoryMb?: number; cpus?: number; diskSizeGb?: number };

/** Registers a new stopped VM with a fresh disk image when a size is given. */
export function createVm(hv: Hypervisor, input: NewVm): Vm {
  const name = input.name.trim();
  if (name === "") throw new HypervisorError("invalid_argument", "The VM name must not be empty.");
  if (hv.vms.has(name))
    throw new HypervisorError("conflict", `A virtual machine named "${name}" already exists.`);
  const memoryMb = checkRange("memory_mb", input.memoryMb ?? 1024, MEMORY_RANGE);
  const cpus = checkRange("cpus", input.cpus ?? 1, CPU_RANGE);
  const vm: Vm = {
    name,
    uuid: nextUuid(hv),
    osType: input.osType ?? "Other_64",
    state: "stopped",
    headless: false,
    memoryMb,
    cpus,
    vramMb: 16,
    mountedIso: null,
    disks: [],
    controllers: DEFAULT_CONTROLLERS.map((c) => ({ ...c })),
    adapters: defaultAdapters(hv),
    snapshots: [],
    currentSnapshot: null,
  };
  if (input.diskSizeGb !== undefined && input.diskSizeGb > 0) {
    const path = `/srv/vms/${name}/${name}.vdi`;
    hv.disks.set(path, { path, sizeGb: input.diskSizeGb, format: "VDI" });
    vm.disks.push({ path, controller: "SATA", port: 0, device: 0 });
  }
  hv.vms.set(name, vm);
  return vm;
}

/** Powers a stopped VM on. */
export function startVm(hv: Hypervisor, name: string, headless = false): Vm {
  const vm = requireVm(hv, name);
  if (vm.state === "running") throw invalidState(vm, "is already running");
  if (vm.state === "paused") throw invalidState(vm, "is paused; resume it instead of starting it");
  vm.state = "running";
  vm.headless = headless;
  return vm;
}

/** Powers a running or paused VM off; `force` is accepted for parity with the real tool. */
export function stopVm(hv: Hypervisor, name: string, _force = false): Vm {
  const vm = requireVm(hv, name);
  if (vm.state === "stopped") throw invalidState(vm, "is already stopped");
  vm.state = "stopped";
  return vm;
}

/** Pauses a running VM. */
export function pauseVm(hv: Hypervisor, name: string): Vm {
  const vm = requireVm(hv, name);
  if (vm.state !== "running") throw invalidState(vm, `is ${vm.state}; only a running VM can be paused`);
  vm.state = "paused";
  return vm;
}

/** Resumes a paused VM. */
export function resumeVm(hv: Hypervisor, name: string): Vm {
  const vm = requireVm(hv, name);
  if (vm.state !== "paused") throw invalidState(vm, `is ${vm.state}; only a paused VM can be resumed`);
  vm.state = "running";
  return vm;
}

/** Hard-resets a running VM: it stays running. */
export function resetVm(hv: Hypervisor, name: string): Vm {
  const vm = requireVm(hv, name);
  if (vm.state !== "running") throw invalidState(vm, `is ${vm.state}; only a running VM can be reset`);
  return vm;
}

/** Unregisters a powered-off VM, deleting its disk images when asked. */
export function deleteVm(
  hv: Hypervisor,
  name: string,
  deleteDisks = true,
): { name: string; deletedDisks: string[] } {
  const vm = requireVm(hv, name);
  if (vm.state !== "stopped") throw invalidState(vm, `is ${vm.state}; stop it before deleting it`);
  const deletedDisks = deleteDisks ? vm.disks.map((d) => d.path) : [];
  for (const path of deletedDisks) hv.disks.delete(path);
  hv.vms.delete(name);
  return { name, deletedDisks };
}

/** Clones a VM's configuration (and copies of its disks) under a new name, powered off. */
export function cloneVm(hv: Hypervisor, sourceName: string, newName: string): Vm {
  const source = requireVm(hv, sourceName);
  const clone = createVm(hv, {
    name: newName,
    osType: source.osType,
    memoryMb: source.memoryMb,
    cpus: source.cpus,
  });
  clone.vramMb = source.vramMb;
  clone.controllers = source.controllers.map((c) => ({ ...c }));
  clone.disks = source.disks.map((disk, index) => {
    const original = hv.disks.get(disk.path);
    const path = `/srv/vms/${newName}/${newName}-disk${index}.vdi`;
    hv.disks.set(path, { path, sizeGb: original?.sizeGb ?? 0, format: original?.format ?? "VDI" });
    return { ...disk, path };
  });
  return clone;
}

/** Settings ModifyVm may change. */
export type VmChanges = {
  memoryMb?: number | undefined;
  cpus?: number | undefined;
  vramMb?: number | undefined;
};

/** Changes memory, CPUs or video memory of a powered-off VM. */
export function modifyVm(hv: Hypervisor, name: string, changes: VmChanges): Vm {
  const vm = requireVm(hv, name);
  if (vm.state !== "stopped")
    throw invalidState(vm, `is ${vm.state}; settings can only be changed while it is stopped`);
  if (changes.memoryMb === undefined && changes.cpus === undefined && changes.vramMb === undefined) {
    throw new HypervisorError("invalid_argument", "Nothing to change: give memory_mb, cpus or vram_mb.");
  }
  if (changes.memoryMb !== undefined) vm.memoryMb = checkRange("memory_mb", changes.memoryMb, MEMORY_RANGE);
  if (changes.cpus !== undefined) vm.cpus = checkRange("cpus", changes.cpus, CPU_RANGE);
  if (changes.vramMb !== undefined) vm.vramMb = checkRange("vram_mb", changes.vramMb, VRAM_RANGE);
  return vm;
}

function defaultAdapters(hv: Hypervisor): NetworkAdapter[] {
  return Array.from({ length: ADAPTER_COUNT }, (_, index) => ({
    id: index + 1,
    enabled: index === 0,
    networkType: "nat" as const,
    network: null,
    macAddress: nextMacAddress(hv),
    cableConnected: index === 0,
  }));
}

function checkRange(field: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new HypervisorError(
      "invalid_argument",
      `${field} must be an integer from ${range.min} to ${range.max}.`,
    );
  }
  return value;
}

function invalidState(vm: Vm, what: string): HypervisorError {
  return new HypervisorError("invalid_state", `Virtual machine "${vm.name}" ${what}.`);
}
