import { parseIpv4, parseIpv6 } from "./ip-address";

/** How an address is treated: public addresses are always reachable; private ones only in self-hosted mode. */
export type AddressKind = "public" | "private" | "reserved";

type Range = { prefix: number[]; bits: number; kind: Exclude<AddressKind, "public"> };

// Cloud metadata endpoints come first so that "private" ranges never let them through.
const IPV4_RANGES: Range[] = [
  { prefix: [169, 254, 169, 254], bits: 32, kind: "reserved" }, // AWS, GCP, Azure metadata
  { prefix: [100, 100, 100, 200], bits: 32, kind: "reserved" }, // Alibaba Cloud metadata
  { prefix: [0], bits: 8, kind: "reserved" }, // "this network"; 0.0.0.0 reaches localhost on Linux
  { prefix: [10], bits: 8, kind: "private" },
  { prefix: [100, 64], bits: 10, kind: "private" }, // carrier-grade NAT
  { prefix: [127], bits: 8, kind: "private" }, // loopback
  { prefix: [169, 254], bits: 16, kind: "reserved" }, // link-local
  { prefix: [172, 16], bits: 12, kind: "private" },
  { prefix: [192, 0, 0], bits: 24, kind: "reserved" }, // IETF protocol assignments (incl. Oracle metadata)
  { prefix: [192, 0, 2], bits: 24, kind: "reserved" }, // documentation
  { prefix: [192, 88, 99], bits: 24, kind: "reserved" }, // 6to4 relay anycast
  { prefix: [192, 168], bits: 16, kind: "private" },
  { prefix: [198, 18], bits: 15, kind: "reserved" }, // benchmarking
  { prefix: [198, 51, 100], bits: 24, kind: "reserved" }, // documentation
  { prefix: [203, 0, 113], bits: 24, kind: "reserved" }, // documentation
  { prefix: [224], bits: 4, kind: "reserved" }, // multicast
  { prefix: [240], bits: 4, kind: "reserved" }, // reserved, incl. broadcast
];

const IPV6_RANGES: Range[] = [
  { prefix: [0xfd, 0x00, 0x0e, 0xc2, ...zeros(10), 0x02, 0x54], bits: 128, kind: "reserved" }, // AWS metadata
  { prefix: [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], bits: 48, kind: "reserved" }, // local-use NAT64
  { prefix: [0x01, 0x00, ...zeros(6)], bits: 64, kind: "reserved" }, // discard-only
  { prefix: [0x20, 0x01, 0x00], bits: 23, kind: "reserved" }, // IETF assignments, incl. Teredo
  { prefix: [0x20, 0x01, 0x0d, 0xb8], bits: 32, kind: "reserved" }, // documentation
  { prefix: [0x3f, 0xff], bits: 20, kind: "reserved" }, // documentation
  { prefix: [0xfc], bits: 7, kind: "private" }, // unique local
];

/** Classifies an IP address; anything that is not a well-formed address counts as reserved (fail closed). */
export function addressKind(ip: string): AddressKind {
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) return rangeKind(v4, IPV4_RANGES);
  const v6 = parseIpv6(ip);
  return v6 === undefined ? "reserved" : ipv6Kind(v6);
}

/**
 * Whether Toolgate must refuse to connect to this IP address. Private and loopback addresses are
 * allowed only with `allowPrivateAddresses` (self-hosted mode); metadata and reserved ranges never are.
 */
export function isBlockedAddress(ip: string, options: { allowPrivateAddresses?: boolean } = {}): boolean {
  const kind = addressKind(ip);
  return kind === "reserved" || (kind === "private" && options.allowPrivateAddresses !== true);
}

function ipv6Kind(bytes: number[]): AddressKind {
  const embedded = embeddedIpv4(bytes);
  if (embedded !== undefined) return embedded;
  const first = bytes[0] ?? 0;
  // Only 2000::/3 is global unicast; unique-local (fc00::/7) is the one private range outside it.
  if ((first & 0xe0) !== 0x20 && (first & 0xfe) !== 0xfc) return "reserved";
  return rangeKind(bytes, IPV6_RANGES);
}

/** Addresses that carry an IPv4 address inside are judged by that address. */
function embeddedIpv4(bytes: number[]): AddressKind | undefined {
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return rangeKind(bytes.slice(12), IPV4_RANGES); // mapped
  if (startsWith(bytes, [0x00, 0x64, 0xff, 0x9b, ...zeros(8)]))
    return rangeKind(bytes.slice(12), IPV4_RANGES); // NAT64
  if (startsWith(bytes, [0x20, 0x02])) return rangeKind(bytes.slice(2, 6), IPV4_RANGES); // 6to4
  if (startsWith(bytes, zeros(12))) {
    if (bytes.slice(12).every((b) => b === 0)) return "reserved"; // unspecified ::
    if (startsWith(bytes, [...zeros(15), 1])) return "private"; // loopback ::1
    return rangeKind(bytes.slice(12), IPV4_RANGES); // deprecated IPv4-compatible
  }
  return undefined;
}

function rangeKind(bytes: number[], ranges: Range[]): AddressKind {
  return ranges.find((range) => inRange(bytes, range))?.kind ?? "public";
}

function inRange(bytes: number[], range: Range): boolean {
  for (let bit = 0; bit < range.bits; bit += 1) {
    const index = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[index] ?? 0) & mask) !== ((range.prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function startsWith(bytes: number[], prefix: number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

function zeros(count: number): number[] {
  return new Array<number>(count).fill(0);
}
