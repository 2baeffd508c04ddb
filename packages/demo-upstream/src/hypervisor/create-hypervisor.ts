import type { Hypervisor } from "./hypervisor-state";
import { createNetwork } from "./networks";
import { createSnapshot } from "./snapshots";
import { mountIso } from "./storage";
import { createVm, pauseVm, startVm } from "./vm-lifecycle";

/** A fresh simulated host seeded with the same VMs, ISOs and network every time. */
export function createHypervisor(): Hypervisor {
  const hv: Hypervisor = {
    vms: new Map(),
    isos: [
      { path: "/srv/isos/ubuntu-24.04.1-live-server-amd64.iso", sizeMb: 2694, osType: "Ubuntu_64" },
      { path: "/srv/isos/debian-12.8.0-amd64-netinst.iso", sizeMb: 631, osType: "Debian_64" },
      { path: "/srv/isos/alpine-virt-3.20.3-x86_64.iso", sizeMb: 62, osType: "Linux_64" },
      { path: "/srv/isos/Win11_24H2_English_x64.iso", sizeMb: 5683, osType: "Windows11_64" },
      { path: "/srv/isos/VBoxGuestAdditions_7.1.4.iso", sizeMb: 58, osType: "Other_64" },
    ],
    disks: new Map(),
    networks: new Map(),
    sandboxes: new Map(),
    sequence: 0,
  };
  createNetwork(hv, "vboxnet0", "192.168.56.1");

  createVm(hv, { name: "ubuntu-web", osType: "Ubuntu_64", memoryMb: 4096, cpus: 2, diskSizeGb: 40 });
  createSnapshot(hv, "ubuntu-web", "clean-install", "Fresh install, before any packages");
  startVm(hv, "ubuntu-web", true);

  createVm(hv, { name: "win11-desktop", osType: "Windows11_64", memoryMb: 8192, cpus: 4, diskSizeGb: 80 });
  mountIso(hv, "win11-desktop", "/srv/isos/VBoxGuestAdditions_7.1.4.iso");

  createVm(hv, { name: "alpine-ci", osType: "Linux_64", memoryMb: 512, cpus: 1, diskSizeGb: 4 });
  startVm(hv, "alpine-ci", true);
  pauseVm(hv, "alpine-ci");

  createVm(hv, { name: "debian-db", osType: "Debian_64", memoryMb: 2048, cpus: 2, diskSizeGb: 100 });
  return hv;
}
