import { HypervisorError } from "./hypervisor-error";
import { type Hypervisor, nextTimestamp, requireVm } from "./hypervisor-state";
import type { Snapshot, Vm, VmConfig } from "./types";

/** Lists a VM's snapshots, oldest first. */
export function listSnapshots(hv: Hypervisor, vmName: string): Snapshot[] {
  return requireVm(hv, vmName).snapshots;
}

/** Captures the VM's current configuration under a new snapshot name. */
export function createSnapshot(hv: Hypervisor, vmName: string, name: string, description = ""): Snapshot {
  const vm = requireVm(hv, vmName);
  if (name.trim() === "")
    throw new HypervisorError("invalid_argument", "The snapshot name must not be empty.");
  if (vm.snapshots.some((s) => s.name === name)) {
    throw new HypervisorError(
      "conflict",
      `Virtual machine "${vmName}" already has a snapshot named "${name}".`,
    );
  }
  const snapshot: Snapshot = {
    name,
    description,
    takenAt: nextTimestamp(hv),
    stateWhenTaken: vm.state,
    config: copyConfig(vm),
  };
  vm.snapshots.push(snapshot);
  vm.currentSnapshot = name;
  return snapshot;
}

/** Rolls a powered-off VM back to a snapshot's configuration, optionally starting it. */
export function restoreSnapshot(hv: Hypervisor, vmName: string, name: string, startAfter = false): Vm {
  const vm = requireVm(hv, vmName);
  const snapshot = requireSnapshot(vm, name);
  if (vm.state === "running") {
    throw new HypervisorError(
      "invalid_state",
      `Virtual machine "${vmName}" is running; stop it before restoring.`,
    );
  }
  Object.assign(vm, copyConfig(snapshot.config));
  vm.currentSnapshot = name;
  vm.state = startAfter ? "running" : "stopped";
  return vm;
}

/** Removes one snapshot; the VM's current configuration is kept. */
export function deleteSnapshot(hv: Hypervisor, vmName: string, name: string): Snapshot {
  const vm = requireVm(hv, vmName);
  const snapshot = requireSnapshot(vm, name);
  vm.snapshots = vm.snapshots.filter((s) => s !== snapshot);
  if (vm.currentSnapshot === name) vm.currentSnapshot = vm.snapshots.at(-1)?.name ?? null;
  return snapshot;
}

function requireSnapshot(vm: Vm, name: string): Snapshot {
  const snapshot = vm.snapshots.find((s) => s.name === name);
  if (snapshot === undefined) {
    const known = vm.snapshots.map((s) => s.name).join(", ") || "none";
    throw new HypervisorError(
      "not_found",
      `Snapshot "${name}" not found on "${vm.name}". Snapshots: ${known}.`,
    );
  }
  return snapshot;
}

function copyConfig(config: VmConfig): VmConfig {
  return {
    memoryMb: config.memoryMb,
    cpus: config.cpus,
    vramMb: config.vramMb,
    mountedIso: config.mountedIso ? { ...config.mountedIso } : null,
    disks: config.disks.map((d) => ({ ...d })),
    controllers: config.controllers.map((c) => ({ ...c })),
    adapters: config.adapters.map((a) => ({ ...a })),
  };
}
