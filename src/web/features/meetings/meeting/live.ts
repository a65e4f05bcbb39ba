import type { AgendaItemView } from "../api";

/** The item being discussed: the first one not yet covered, in agenda order. */
export function currentItem(agenda: readonly AgendaItemView[]): AgendaItemView | undefined {
  return [...agenda].sort((a, b) => a.position - b.position).find((item) => item.status === "open");
}

/** Seconds left of a time box of `minutes` that began at `since` (negative once it runs over). */
export function secondsLeft(minutes: number, since: number, now: number): number {
  return Math.round((since + minutes * 60_000 - now) / 1000);
}

/** "4:05", "1:02:00", or "3:10 over" once the time is up. */
export function formatCountdown(seconds: number): string {
  const over = seconds < 0;
  const total = Math.abs(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  const text = h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
  return over ? `${text} over` : text;
}

/** Moves the item at `from` to `to`, as a new id list for `PUT …/agenda-order`. */
export function moveItem(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next;
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
