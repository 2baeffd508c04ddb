import { HypervisorError } from "./hypervisor-error";
import { type Hypervisor, requireVm } from "./hypervisor-state";
import type { HostNetwork, NetworkAdapter, NetworkType } from "./types";

const NETWORK_TYPES: readonly NetworkType[] = ["nat", "bridged", "hostonly", "internal"];
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The network adapters of a VM, by slot. */
export function listAdapters(hv: Hypervisor, vmName: string): NetworkAdapter[] {
  return requireVm(hv, vmName).adapters;
}

/** Adapter settings to change; anything left out stays as it is. */
export type AdapterChanges = {
  enabled?: boolean | undefined;
  networkType?: string | undefined;
  network?: string | undefined;
  macAddress?: string | undefined;
  cableConnected?: boolean | undefined;
};

/** Changes one adapter's mode, attached network, MAC address or cable state. */
export function configureAdapter(
  hv: Hypervisor,
  vmName: string,
  adapterId: number,
  changes: AdapterChanges,
): NetworkAdapter {
  const vm = requireVm(hv, vmName);
  const adapter = vm.adapters.find((a) => a.id === adapterId);
  if (adapter === undefined) {
    throw new HypervisorError(
      "not_found",
      `"${vmName}" has adapters 1-${vm.adapters.length}, not ${adapterId}.`,
    );
  }
  const networkType =
    changes.networkType === undefined ? adapter.networkType : parseNetworkType(changes.networkType);
  const network =
    networkType === "hostonly" ? resolveHostNetwork(hv, changes.network ?? adapter.network) : null;
  adapter.networkType = networkType;
  adapter.network = network ?? (networkType === "internal" ? (changes.network ?? "intnet") : null);
  if (changes.macAddress !== undefined) adapter.macAddress = parseMac(changes.macAddress);
  if (changes.enabled !== undefined) adapter.enabled = changes.enabled;
  if (changes.cableConnected !== undefined) adapter.cableConnected = changes.cableConnected;
  return adapter;
}

/** Host-only networks on the host. */
export function listNetworks(hv: Hypervisor): HostNetwork[] {
  return [...hv.networks.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates a host-only network; the address defaults to the next free 192.168.x.1/24. */
export function createNetwork(
  hv: Hypervisor,
  name: string | undefined,
  ipAddress?: string,
  netmask = "255.255.255.0",
): HostNetwork {
  const networkName = name ?? `vboxnet${hv.networks.size}`;
  if (hv.networks.has(networkName)) {
    throw new HypervisorError("conflict", `A host-only network named "${networkName}" already exists.`);
  }
  const address = ipAddress ?? `192.168.${56 + hv.networks.size}.1`;
  for (const [field, value] of [
    ["ip_address", address],
    ["netmask", netmask],
  ] as const) {
    if (!IPV4.test(value))
      throw new HypervisorError("invalid_argument", `${field} "${value}" is not an IPv4 address.`);
  }
  const network: HostNetwork = { name: networkName, ipAddress: address, netmask };
  hv.networks.set(networkName, network);
  return network;
}

/** Removes a host-only network no adapter uses. */
export function removeNetwork(hv: Hypervisor, name: string): HostNetwork {
  const network = hv.networks.get(name);
  if (network === undefined) throw new HypervisorError("not_found", `Host-only network "${name}" not found.`);
  const user = [...hv.vms.values()].find((vm) => vm.adapters.some((a) => a.network === name));
  if (user !== undefined) {
    throw new HypervisorError(
      "invalid_state",
      `Network "${name}" is used by "${user.name}"; reconfigure it first.`,
    );
  }
  hv.networks.delete(name);
  return network;
}

function parseNetworkType(value: string): NetworkType {
  const type = NETWORK_TYPES.find((t) => t === value.toLowerCase());
  if (type === undefined) {
    throw new HypervisorError("invalid_argument", `network_type must be one of ${NETWORK_TYPES.join(", ")}.`);
  }
  return type;
}

function resolveHostNetwork(hv: Hypervisor, name: string | null): string {
  const network = name === null ? listNetworks(hv)[0] : hv.networks.get(name);
  if (network === undefined) {
    throw new HypervisorError("not_found", `Host-only network "${name ?? ""}" not found; create it first.`);
  }
  return network.name;
}

function parseMac(value: string): string {
  const hex = value.replace(/[:-]/g, "").toUpperCase();
  if (!/^[0-9A-F]{12}$/.test(hex)) {
    throw new HypervisorError(
      "invalid_argument",
      `mac_address "${value}" is not a MAC address (12 hex digits).`,
    );
  }
  return hex;
}
