/**
 * The few tar (ustar) features a backup needs: regular files with short names, written and read in
 * memory. A header whose checksum is wrong, or a file that ends before an entry does, is refused.
 */
const BLOCK = 512;

export interface TarEntry {
  name: string;
  data: Buffer;
}

export class TarError extends Error {}

export function writeTar(entries: readonly TarEntry[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry.name, entry.data.length, mtime), entry.data, padding(entry.data.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

export function readTar(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return entries;
    if (checksumOf(block) !== octal(block, 148, 8)) throw new TarError("a header's checksum is wrong");
    const name = field(block, 0, 100);
    const size = octal(block, 124, 12);
    const start = offset + BLOCK;
    if (start + size > archive.length) throw new TarError(`${name} ends early`);
    if (block[156] === 0x30 || block[156] === 0) {
      entries.push({ name, data: archive.subarray(start, start + size) });
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new TarError("the archive ends early");
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write("0000600\0", 100, 8, "ascii");
  block.write("0000000\0", 108, 8, "ascii");
  block.write("0000000\0", 116, 8, "ascii");
  block.write(`${size.toString(8).padStart(11, "0")}\0`, 124, 12, "ascii");
  block.write(
    `${Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, "0")}\0`,
    136,
    12,
    "ascii",
  );
  block.write("0", 156, 1, "ascii");
  block.write("ustar\0", 257, 6, "ascii");
  block.write("00", 263, 2, "ascii");
  block.write(`${checksumOf(block).toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return block;
}

/** The sum of the header's bytes with the checksum field read as spaces. */
function checksumOf(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}

function octal(block: Buffer, start: number, length: number): number {
  const text = field(block, start, length).trim();
  const value = Number.parseInt(text || "0", 8);
  if (!Number.isFinite(value) || !/^[0-7]*$/.test(text)) throw new TarError("a header is not a tar header");
  return value;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
