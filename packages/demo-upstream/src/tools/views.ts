import type { DiskImage, Iso, MountedIso, Snapshot, StorageController } from "../hypervisor/types";

/** snake_case views of hypervisor records, as the tools return them. */
export function snapshotView(snapshot: Snapshot) {
  return {
    name: snapshot.name,
    description: snapshot.description,
    taken_at: snapshot.takenAt,
    state_when_taken: snapshot.stateWhenTaken,
  };
}

export function isoView(iso: Iso) {
  return { path: iso.path, size_mb: iso.sizeMb, os_type: iso.osType };
}

export function mountView(mount: MountedIso) {
  return { path: mount.path, controller_name: mount.controller, port: mount.port, device: mount.device };
}

export function controllerView(controller: StorageController) {
  return { name: controller.name, bus: controller.bus, port_count: controller.portCount };
}

export function diskView(disk: DiskImage & { attachedTo?: string | null }) {
  return { path: disk.path, size_gb: disk.sizeGb, format: disk.format, attached_to: disk.attachedTo ?? null };
}
