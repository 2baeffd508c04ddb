import type { Vm } from "./types";

/** The short form ListVms returns. */
export function vmSummary(vm: Vm) {
  return {
    name: vm.name,
    uuid: vm.uuid,
    state: vm.state,
    os_type: vm.osType,
    memory_mb: vm.memoryMb,
    mounted_iso: vm.mountedIso?.path ?? null,
  };
}

/** The full configuration GetVmInfo returns. */
export function vmInfo(vm: Vm) {
  return {
    ...vmSummary(vm),
    cpus: vm.cpus,
    vram_mb: vm.vramMb,
    headless: vm.headless,
    optical_drive: vm.mountedIso
      ? {
          iso_path: vm.mountedIso.path,
          controller_name: vm.mountedIso.controller,
          port: vm.mountedIso.port,
          device: vm.mountedIso.device,
        }
      : null,
    disks: vm.disks.map((disk) => ({
      path: disk.path,
      controller_name: disk.controller,
      port: disk.port,
      device: disk.device,
    })),
    storage_controllers: vm.controllers.map((c) => ({ name: c.name, bus: c.bus, port_count: c.portCount })),
    network_adapters: vm.adapters.map(adapterView),
    snapshots: vm.snapshots.map((s) => s.name),
    current_snapshot: vm.currentSnapshot,
  };
}

/** One network adapter as the tools show it. */
export function adapterView(adapter: Vm["adapters"][number]) {
  return {
    adapter_id: adapter.id,
    enabled: adapter.enabled,
    network_type: adapter.networkType,
    network_name: adapter.network,
    mac_address: adapter.macAddress,
    cable_connected: adapter.cableConnected,
  };
}
