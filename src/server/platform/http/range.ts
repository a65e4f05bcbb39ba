/**
 * What a `Range` request header asks of a file of `size` bytes (RFC 9110 §14): the whole file (no header,
 * or one we ignore), one range of it (both ends included), or nothing it has (416).
 *
 * Kept simple on purpose: a header we do not read — another unit, a malformed value, a range whose end is
 * before its start — is ignored, as RFC 9110 allows ("a server MAY ignore the Range header"); so are
 * several ranges at once (players ask for one; a multipart/byteranges answer is not worth its code).
 */
export type RangeAnswer =
  | { kind: "whole" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

const WHOLE: RangeAnswer = { kind: "whole" };
const UNSATISFIABLE: RangeAnswer = { kind: "unsatisfiable" };
const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return WHOLE;
  const match = /^\s*bytes\s*=\s*(.*?)\s*$/i.exec(header);
  const spec = match?.[1];
  if (spec === undefined || spec.includes(",")) return WHOLE;
  const parts = SPEC.exec(spec);
  if (!parts) return WHOLE;
  const [, first = "", last = ""] = parts;
  if (first === "" && last === "") return WHOLE;
  if (first === "") return suffix(Number(last), size);
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start) return WHOLE; // invalid (RFC 9110 §14.1.1): ignored
  if (start >= size) return UNSATISFIABLE;
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}

/** `-n`: the last n bytes; a zero length is unsatisfiable, and an empty file is answered whole. */
function suffix(length: number, size: number): RangeAnswer {
  if (length === 0) return UNSATISFIABLE;
  if (size === 0) return WHOLE;
  return { kind: "partial", start: Math.max(0, size - length), end: size - 1 };
}
