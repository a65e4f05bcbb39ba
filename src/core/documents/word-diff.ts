import { diffWordsWithSpace } from "diff";
import type { DiffPart } from "../../contracts/documents";

/**
 * How much work one diff may take: past either bound jsdiff gives up and the answer is the whole
 * old text deleted and the whole new one inserted — still correct, only coarser — so a huge pair of
 * very different versions cannot stall a request (or the browser showing it).
 */
export interface DiffBounds {
  /** Most edits (tokens) considered; a larger distance gives up. */
  maxEditLength: number;
  /** Milliseconds before giving up. */
  timeoutMs: number;
}

export const DIFF_BOUNDS: DiffBounds = { maxEditLength: 20_000, timeoutMs: 250 };

/** Adjacent parts of the same op become one; empty parts are dropped. */
export function mergeParts(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === "") continue;
    const last = merged.at(-1);
    if (last && last.op === part.op) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/**
 * Word-level diff of two texts (each word, punctuation mark, newline and run of spaces a token,
 * jsdiff's `diffWordsWithSpace`), as `equal`/`delete`/`insert` parts in reading order: the equal and
 * deleted parts spell `before`, the equal and inserted parts spell `after`.
 */
export function wordDiff(before: string, after: string, bounds: DiffBounds = DIFF_BOUNDS): DiffPart[] {
  if (before === after) return mergeParts([{ op: "equal", text: before }]);
  const changes = diffWordsWithSpace(before, after, {
    maxEditLength: bounds.maxEditLength,
    timeout: bounds.timeoutMs,
  });
  if (!changes)
    return mergeParts([
      { op: "delete", text: before },
      { op: "insert", text: after },
    ]);
  return mergeParts(
    changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value })),
  );
}

/** A version as the diff compares it. */
export interface Versioned {
  title: string;
  body: string;
}

/** Separates the title's parts from the body's when the titles differ. */
export const TITLE_BREAK = "\n\n";

/**
 * The diff of two versions of a document: the body's word diff; when the titles differ, it starts
 * with the title's word diff and an equal blank line (`TITLE_BREAK`), so the parts still spell each
 * version as "title, blank line, body" and an inline view shows the title change as its first line.
 */
export function documentDiff(from: Versioned, to: Versioned, bounds: DiffBounds = DIFF_BOUNDS): DiffPart[] {
  const body = wordDiff(from.body, to.body, bounds);
  if (from.title === to.title) return body;
  return mergeParts([...wordDiff(from.title, to.title, bounds), { op: "equal", text: TITLE_BREAK }, ...body]);
}

/** The text a diff's parts spell on one side: "before" (equal + delete) or "after" (equal + insert). */
export function sideOf(parts: readonly DiffPart[], side: "before" | "after"): string {
  const skip = side === "before" ? "insert" : "delete";
  return parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join("");
}
