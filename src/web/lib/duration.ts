/**
 * A position or length in a video as people read it: "0:02", "2:13", "1:02:03". Whole seconds,
 * rounded down (a mark at 2.9 s reads "0:02", where the player shows it); anything that is not a
 * finite, non-negative number (a WebM recording's duration is often Infinity) reads "0:00".
 */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
