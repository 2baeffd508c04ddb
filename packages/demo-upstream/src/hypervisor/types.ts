/** Power states a simulated VM can be in. */
export type VmState = "running" | "stopped" | "paused";

export type NetworkType = "nat" | "bridged" | "hostonly" | "internal";

export type StorageController = { name: string; bus: "IDE" | "SATA" | "SCSI" | "NVMe"; portCount: number };

/** Where a medium sits on a VM: controller, port and device, as VirtualBox addresses it. */
export type Slot = { controller: string; port: number; device: number };

export type MountedIso = Slot & { path: string };

export type AttachedDisk = Slot & { path: string };

export type NetworkAdapter = {
  id: number;
  enabled: boolean;
  networkType: NetworkType;
  network: string | null;
  macAddress: string;
  cableConnected: boolean;
};

/** The part of a VM that a snapshot captures and a restore brings back. */
export type VmConfig = {
  memoryMb: number;
  cpus: number;
  vramMb: number;
  mountedIso: MountedIso | null;
  disks: AttachedDisk[];
  controllers: StorageController[];
  adapters: NetworkAdapter[];
};

export type Snapshot = {
  name: string;
  description: string;
  takenAt: string;
  stateWhenTaken: VmState;
  config: VmConfig;
};

export type Vm = VmConfig & {
  name: string;
  uuid: string;
  osType: string;
  state: VmState;
  headless: boolean;
  snapshots: Snapshot[];
  currentSnapshot: string | null;
};

export type Iso = { path: string; sizeMb: number; osType: string };

export type DiskImage = { path: string; sizeGb: number; format: "VDI" | "VMDK" | "VHD" };

export type HostNetwork = { name: string; ipAddress: string; netmask: string };

export type SandboxSession = {
  id: string;
  language: string;
  networkEnabled: boolean;
  files: Map<string, string>;
  runs: number;
};
