import type { PosterType, VideoType } from "../../contracts/recordings";

/** How many leading bytes the sniffers need (browsers write WebM's DocType within the first 30). */
export const SNIFF_BYTES = 64;

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const EBML_DOC_TYPE = 0x4282;
/** ISO base media brands of the MP4 files browsers and phones write, and play back. */
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso3",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "dash",
  "M4V ",
  "MSNV",
]);
const QUICKTIME_BRAND = "qt  ";

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Uint8Array, from: number, to: number) => String.fromCharCode(...head.subarray(from, to));

/** An EBML variable-length integer at `at`: its value (marker bit kept for ids) and length, or null. */
function vint(head: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = head[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > head.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (head[at + i] ?? 0);
  return { value, length };
}

/** The DocType written in an EBML header ("webm", "matroska"), or null when it is not within `head`. */
function ebmlDocType(head: Uint8Array): string | null {
  const headerSize = vint(head, EBML_MAGIC.length, false);
  if (!headerSize) return null;
  let at = EBML_MAGIC.length + headerSize.length;
  const end = Math.min(at + headerSize.value, head.length);
  while (at < end) {
    const id = vint(head, at, true);
    const size = id && vint(head, at + id.length, false);
    if (!id || !size) return null;
    at += id.length + size.length;
    if (id.value === EBML_DOC_TYPE)
      return at + size.value <= head.length ? ascii(head, at, at + size.value).replace(/\0+$/, "") : null;
    at += size.value;
  }
  return null;
}

/** MP4 or QuickTime by the brands of a leading `ftyp` box, or null. */
function isoType(head: Uint8Array): VideoType | null {
  if (head.length < 16 || ascii(head, 4, 8) !== "ftyp") return null;
  const boxSize = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  if (boxSize < 16) return null;
  const major = ascii(head, 8, 12);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= Math.min(boxSize, head.length); at += 4)
    compatible.push(ascii(head, at, at + 4));
  if (major === QUICKTIME_BRAND) return "video/quicktime";
  if (MP4_BRANDS.has(major) || compatible.some((brand) => MP4_BRANDS.has(brand))) return "video/mp4";
  return compatible.includes(QUICKTIME_BRAND) ? "video/quicktime" : null;
}

/**
 * The video container these bytes begin (WebM, MP4, QuickTime), or null: never from a file's name.
 * Matroska that is not WebM is refused: browsers do not play it.
 */
export function sniffVideo(head: Uint8Array): VideoType | null {
  if (startsWith(head, EBML_MAGIC)) return ebmlDocType(head) === "webm" ? "video/webm" : null;
  return isoType(head);
}

/** The image type of a poster frame (JPEG, PNG, WebP), or null. */
export function sniffImage(head: Uint8Array): PosterType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  return null;
}
