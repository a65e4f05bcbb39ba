/**
 * A browser's MediaRecorder writes WebM as a live stream: the header has no Duration, so players show
 * no length ("Infinity") and a scrubber that cannot be dragged. When a recording is complete we know its
 * length, and write it into the header's Info element. Only the head of the file changes; nothing after
 * the first Cluster moves, so no offset elsewhere needs fixing (a file with a SeekHead, whose offsets
 * would move, is left as it is).
 */

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const INFO = 0x1549a966;
const CLUSTER = 0x1f43b675;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;

/** How much of the file's start `withDuration` may need: the header comes well before this. */
export const WEBM_HEAD_BYTES = 64 * 1024;

interface Vint {
  value: number;
  length: number;
  /** All value bits set: "size unknown" (a live stream's Segment and Clusters). */
  unknown: boolean;
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] as number;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** `value` as an EBML size of exactly `length` bytes, or null when it does not fit. */
function sizeBytes(value: number, length: number): number[] | null {
  if (value >= 2 ** (7 * length) - 1) return null;
  const out: number[] = [];
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0] = (out[0] as number) | (0x80 >> (length - 1));
  return out;
}

interface Element {
  id: number;
  start: number;
  /** Where the size field starts and how long it is. */
  sizeAt: number;
  sizeLength: number;
  dataStart: number;
  size: number;
  unknownSize: boolean;
}

function readElement(bytes: Uint8Array, at: number): Element | null {
  const id = readVint(bytes, at, true);
  if (!id) return null;
  const size = readVint(bytes, at + id.length, false);
  if (!size) return null;
  return {
    id: id.value,
    start: at,
    sizeAt: at + id.length,
    sizeLength: size.length,
    dataStart: at + id.length + size.length,
    size: size.value,
    unknownSize: size.unknown,
  };
}

function readUint(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[at + i] as number);
  return value;
}

/**
 * The head of a WebM file with `durationMs` written into its Info, or null when there is nothing to do or
 * it cannot be done safely (not WebM, a Duration already there, a SeekHead, the Info not wholly in `head`).
 */
export function withDuration(head: Uint8Array, durationMs: number): Uint8Array | null {
  const ebml = readElement(head, 0);
  if (!ebml || ebml.id !== EBML || ebml.unknownSize) return null;
  const segment = readElement(head, ebml.dataStart + ebml.size);
  if (!segment || segment.id !== SEGMENT) return null;
  let at = segment.dataStart;
  while (at < head.length) {
    const element = readElement(head, at);
    if (!element || element.unknownSize) return null;
    if (element.id === SEEK_HEAD || element.id === CLUSTER) return null;
    const end = element.dataStart + element.size;
    if (element.id === INFO)
      return end > head.length ? null : rewriteInfo(head, segment, element, durationMs);
    at = end;
  }
  return null;
}

function rewriteInfo(
  head: Uint8Array,
  segment: Element,
  info: Element,
  durationMs: number,
): Uint8Array | null {
  let timecodeScale = 1_000_000;
  const end = info.dataStart + info.size;
  for (let at = info.dataStart; at < end; ) {
    const child = readElement(head, at);
    if (!child || child.unknownSize) return null;
    if (child.id === DURATION) return null;
    if (child.id === TIMECODE_SCALE)
      timecodeScale = readUint(head, child.dataStart, child.size) || timecodeScale;
    at = child.dataStart + child.size;
  }
  const duration = new Uint8Array(11);
  duration.set([0x44, 0x89, 0x88]);
  new DataView(duration.buffer).setFloat64(3, (durationMs * 1_000_000) / timecodeScale);
  const infoSize = sizeBytes(info.size + duration.length, info.sizeLength) ?? sizeBytes(info.size + 11, 8);
  if (!infoSize) return null;
  const grownBy = duration.length + infoSize.length - info.sizeLength;
  const segmentSize = segment.unknownSize ? null : sizeBytes(segment.size + grownBy, segment.sizeLength);
  if (!segment.unknownSize && !segmentSize) return null;
  const parts: ArrayLike<number>[] = [
    head.subarray(0, segment.sizeAt),
    segmentSize ?? head.subarray(segment.sizeAt, segment.dataStart),
    head.subarray(segment.dataStart, info.sizeAt),
    infoSize,
    head.subarray(info.dataStart, end),
    duration,
    head.subarray(end),
  ];
  const out = new Uint8Array(head.length + grownBy);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
