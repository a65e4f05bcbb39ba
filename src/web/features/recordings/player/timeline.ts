import { formatDuration } from "../../../lib/duration";

/** A moment in the video someone commented on. */
export interface TimelineMark {
  id: string;
  atMs: number;
  /** Who commented there. */
  name: string;
}

/** A mark placed on the timeline: its left edge as a fraction 0–1 of the bar, and what a screen reader says. */
export interface PlacedMark extends TimelineMark {
  fraction: number;
  label: string;
}

/**
 * The marks along a video of `durationMs` (the server's length: a WebM straight from MediaRecorder
 * often tells the browser its duration is Infinity), earliest first. A mark past the end (a length
 * rounded down) sits at the end; without a known length there is nowhere to put them, so none.
 */
export function placeMarks(marks: readonly TimelineMark[], durationMs: number | null): PlacedMark[] {
  if (durationMs === null || !Number.isFinite(durationMs) || durationMs <= 0) return [];
  return [...marks]
    .sort((a, b) => a.atMs - b.atMs)
    .map((mark) => ({
      ...mark,
      fraction: Math.min(1, Math.max(0, mark.atMs / durationMs)),
      label: `Comment by ${mark.name} at ${formatDuration(mark.atMs)}`,
    }));
}
