import { eventLines } from "./diagnose";
import { Reader } from "./reader-lines";
import type { ParsedCalendar } from "./types";

/**
 * Tandem's own reader of an iCalendar text: one pass over the lines (unfolded, parameters read in
 * place), keeping only what busy time needs, with no object tree but the few VTIMEZONE blocks (read
 * with ical.js, whose zone rules the expansion uses). It gives what {@link parseIcs}'s reading with
 * ical.js gives. It declines (`undefined`) whatever it does not read exactly as that reading would —
 * a file with an error, or a rare shape (a folded BEGIN line, RFC 6868 escapes, …) — and the caller
 * then reads the file with ical.js, which names the line of an error.
 */
export function readQuickly(text: string): ParsedCalendar | undefined {
  try {
    const reader = new Reader(eventLines(text), same, joined);
    reader.chunk(text);
    return reader.done();
  } catch {
    return undefined;
  }
}

/**
 * Bytes decoded and read at a time by {@link readQuicklyBytes}: a chunk's text stays below V8's
 * large-object size (128 kB), so once read it is collected with the young objects, not left to a
 * full collection as a megabyte string would be.
 */
export const CHUNK_BYTES = 1 << 16;

/**
 * {@link readQuickly} of a UTF-8 file, decoded and read a chunk of about `chunkBytes` at a time
 * (cut where a line ends and the next does not continue it), so the text of a large file is never
 * held whole: what is kept of a chunk (UIDs, zone names, rules) is copied out of it.
 * `wholeText` decodes the whole file, for the line of an event named in a problem.
 */
export function readQuicklyBytes(
  bytes: Uint8Array,
  wholeText: () => string,
  chunkBytes = CHUNK_BYTES,
): ParsedCalendar | undefined {
  // A BOM is kept as the character it is (the reader skips one that begins the file), as in a text.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let lines: ((index: number) => number | undefined) | undefined;
  const reader = new Reader(
    (index) => {
      lines ??= eventLines(wholeText());
      return lines(index);
    },
    detach,
    joinedCopy,
  );
  try {
    for (let from = 0; from < bytes.length; ) {
      const to = chunkEnd(bytes, from + chunkBytes);
      reader.chunk(decoder.decode(bytes.subarray(from, to)));
      from = to;
    }
    return reader.done();
  } catch {
    return undefined;
  }
}

/** Where a chunk reaching at least to `at` ends: after a line feed not followed by a folded line. */
function chunkEnd(bytes: Uint8Array, at: number): number {
  for (let i = Math.max(0, at - 1); i < bytes.length; i++) {
    if (bytes[i] !== 10) continue;
    const next = bytes[i + 1];
    if (next !== 32 && next !== 9) return i + 1;
  }
  return bytes.length;
}

const same = (s: string) => s;

/**
 * A copy of `s` that keeps nothing else alive: V8 makes a long slice a view of the string it was
 * cut from (a whole chunk). Short ones are copied already; a longer one is cut from a fresh join.
 */
const detach = (s: string) => (s.length < 13 ? s : ` ${s}`.slice(1));

/** Strings of a whole text joined (they may keep the text alive: it is read whole anyway). */
const joined = (list: string[]) => list.join("");

/** Strings of a chunk joined into a copy ({@link detach} of one alone: `join` gives it back as it is). */
const joinedCopy = (list: string[]) => (list.length === 1 ? detach(list[0] as string) : list.join(""));
