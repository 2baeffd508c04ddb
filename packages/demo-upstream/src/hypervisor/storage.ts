import { HypervisorError } from "./hypervisor-error";
import { type Hypervisor, requireVm } from "./hypervisor-state";
import type { DiskImage, Iso, MountedIso, Slot, StorageController, Vm } from "./types";

/** A requested place on a controller; anything left out is chosen automatically. */
export type SlotRequest = {
  controller?: string | undefined;
  port?: number | undefined;
  device?: number | undefined;
};

/** ISO images in the host's library, by path. */
export function listIsos(hv: Hypervisor): Iso[] {
  return [...hv.isos].sort((a, b) => a.path.localeCompare(b.path));
}

/** Inserts an ISO from the library into the VM's optical drive, replacing any ISO already there. */
export function mountIso(
  hv: Hypervisor,
  vmName: string,
  isoPath: string,
  request: SlotRequest = {},
): MountedIso {
  const vm = requireVm(hv, vmName);
  const iso = hv.isos.find((i) => i.path === isoPath || baseName(i.path) === isoPath);
  if (iso === undefined) {
    const known = hv.isos.map((i) => i.path).join(", ");
    throw new HypervisorError("not_found", `ISO "${isoPath}" not found on the host. Available: ${known}.`);
  }
  const preferred = request.controller ?? vm.mountedIso?.controller ?? firstControllerOf(vm, "IDE").name;
  const slot = resolveSlot(vm, { ...request, controller: preferred }, vm.mountedIso);
  vm.mountedIso = { ...slot, path: iso.path };
  return vm.mountedIso;
}

/** Ejects the ISO from the VM's optical drive. */
export function unmountIso(hv: Hypervisor, vmName: string): MountedIso {
  const vm = requireVm(hv, vmName);
  if (vm.mountedIso === null) {
    throw new HypervisorError("invalid_state", `Virtual machine "${vmName}" has no ISO mounted.`);
  }
  const ejected = vm.mountedIso;
  vm.mountedIso = null;
  return ejected;
}

/** The storage controllers of a VM. */
export function listControllers(hv: Hypervisor, vmName: string): StorageController[] {
  return requireVm(hv, vmName).controllers;
}

/** Adds a storage controller (SATA unless the name says otherwise) to a powered-off VM. */
export function createController(hv: Hypervisor, vmName: string, name: string): StorageController {
  const vm = requireVm(hv, vmName);
  requireStopped(vm, "add a storage controller");
  if (vm.controllers.some((c) => c.name === name)) {
    throw new HypervisorError(
      "conflict",
      `Virtual machine "${vmName}" already has a controller named "${name}".`,
    );
  }
  const bus =
    (["IDE", "SCSI", "NVMe"] as const).find((b) => name.toUpperCase().includes(b.toUpperCase())) ?? "SATA";
  const controller: StorageController = { name, bus, portCount: bus === "IDE" ? 2 : 4 };
  vm.controllers.push(controller);
  return controller;
}

/** Removes an empty storage controller from a powered-off VM. */
export function removeController(hv: Hypervisor, vmName: string, name: string): StorageController {
  const vm = requireVm(hv, vmName);
  requireStopped(vm, "remove a storage controller");
  const controller = requireController(vm, name);
  if (vm.disks.some((d) => d.controller === name) || vm.mountedIso?.controller === name) {
    throw new HypervisorError(
      "invalid_state",
      `Controller "${name}" still has media attached; detach them first.`,
    );
  }
  vm.controllers = vm.controllers.filter((c) => c !== controller);
  return controller;
}

/** Disk images known to the host, with the VM each is attached to. */
export function listDisks(hv: Hypervisor): Array<DiskImage & { attachedTo: string | null }> {
  return [...hv.disks.values()]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((disk) => ({
      ...disk,
      attachedTo: [...hv.vms.values()].find((vm) => vm.disks.some((d) => d.path === disk.path))?.name ?? null,
    }));
}

/** Creates a new, unattached disk image. */
export function createDisk(
  hv: Hypervisor,
  path: string,
  sizeGb: number,
  format: DiskImage["format"] = "VDI",
): DiskImage {
  if (path.trim() === "") throw new HypervisorError("invalid_argument", "The disk path must not be empty.");
  if (!Number.isInteger(sizeGb) || sizeGb < 1 || sizeGb > 65_536) {
    throw new HypervisorError("invalid_argument", "size_gb must be an integer from 1 to 65536.");
  }
  if (hv.disks.has(path)) throw new HypervisorError("conflict", `A disk image already exists at "${path}".`);
  const disk: DiskImage = { path, sizeGb, format };
  hv.disks.set(path, disk);
  return disk;
}

/** Attaches an existing, unattached disk image to a powered-off VM. */
export function attachDisk(
  hv: Hypervisor,
  vmName: string,
  diskPath: string,
  request: SlotRequest = {},
): Slot {
  const vm = requireVm(hv, vmName);
  requireStopped(vm, "attach a disk");
  if (!hv.disks.has(diskPath)) throw new HypervisorError("not_found", `Disk image "${diskPath}" not found.`);
  const owner = [...hv.vms.values()].find((other) => other.disks.some((d) => d.path === diskPath));
  if (owner !== undefined) {
    throw new HypervisorError("conflict", `Disk image "${diskPath}" is already attached to "${owner.name}".`);
  }
  const controller = request.controller ?? firstControllerOf(vm, "SATA").name;
  const slot = resolveSlot(vm, { ...request, controller }, null);
  vm.disks.push({ ...slot, path: diskPath });
  return slot;
}

/** Picks the requested or first free port/device on a controller; `reusable` may be overwritten. */
function resolveSlot(vm: Vm, request: SlotRequest & { controller: string }, reusable: Slot | null): Slot {
  const controller = requireController(vm, request.controller);
  const devices = controller.bus === "IDE" ? 2 : 1;
  const taken = (port: number, device: number) =>
    [...vm.disks, ...(vm.mountedIso ? [vm.mountedIso] : [])].some(
      (s) => s !== reusable && s.controller === controller.name && s.port === port && s.device === device,
    );
  if (request.port !== undefined || request.device !== undefined) {
    const port = request.port ?? 0;
    const device = request.device ?? 0;
    if (port < 0 || port >= controller.portCount || device < 0 || device >= devices) {
      throw new HypervisorError(
        "invalid_argument",
        `Controller "${controller.name}" has ports 0-${controller.portCount - 1} and devices 0-${devices - 1}.`,
      );
    }
    if (taken(port, device)) {
      throw new HypervisorError(
        "conflict",
        `Port ${port}, device ${device} of "${controller.name}" is in use.`,
      );
    }
    return { controller: controller.name, port, device };
  }
  if (reusable !== null && reusable.controller === controller.name) return { ...reusable };
  for (let port = 0; port < controller.portCount; port += 1) {
    for (let device = 0; device < devices; device += 1) {
      if (!taken(port, device)) return { controller: controller.name, port, device };
    }
  }
  throw new HypervisorError("conflict", `Controller "${controller.name}" has no free port.`);
}

function requireController(vm: Vm, name: string): StorageController {
  const controller = vm.controllers.find((c) => c.name === name);
  if (controller === undefined) {
    const known = vm.controllers.map((c) => c.name).join(", ") || "none";
    throw new HypervisorError(
      "not_found",
      `Controller "${name}" not found on "${vm.name}". Controllers: ${known}.`,
    );
  }
  return controller;
}

function firstControllerOf(vm: Vm, bus: StorageController["bus"]): StorageController {
  const controller = vm.controllers.find((c) => c.bus === bus) ?? vm.controllers[0];
  if (controller === undefined) {
    throw new HypervisorError("invalid_state", `Virtual machine "${vm.name}" has no storage controller.`);
  }
  return controller;
}

function requireStopped(vm: Vm, action: string): void {
  if (vm.state !== "stopped") {
    throw new HypervisorError(
      "invalid_state",
      `Virtual machine "${vm.name}" is ${vm.state}; stop it to ${action}.`,
    );
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
