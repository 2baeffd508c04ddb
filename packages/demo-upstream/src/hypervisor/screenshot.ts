import { crc32, deflateSync } from "node:zlib";
import { nameSeed, requireRunning } from "./host";
import type { Hypervisor } from "./hypervisor-state";

const WIDTH = 32;
const HEIGHT = 24;

/** A small PNG "screen" of a running VM, coloured by its name so different VMs look different. */
export function vmScreenshotPng(hv: Hypervisor, vmName: string): Buffer {
  const vm = requireRunning(hv, vmName, "capture its screen");
  const seed = nameSeed(vm.name);
  const rgb = [seed % 256, (seed >> 8) % 256, (seed >> 16) % 256];
  const row = Buffer.alloc(1 + WIDTH * 3);
  for (let x = 0; x < WIDTH; x += 1) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: HEIGHT }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, default compression, filter and no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
