import type { DiffPart, DocumentSummaryView } from "../../../contracts/documents";
import { formatDateTime, formatTime, localDay } from "../../lib/time";

/** How long ago, in a few words: "just now", "12 min ago", "3 h ago", "2 days ago"; null past a week. */
export function agoText(at: string, now: number): string | null {
  const minutes = Math.floor((now - Date.parse(at)) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} ${days === 1 ? "day" : "days"} ago`;
  return null;
}

/** "14:02" today in `zone`, else "Wed 14 Jan, 14:02": when a draft was kept or a version saved. */
export function whenText(at: string, zone: string, now: number): string {
  const instant = Date.parse(at);
  const today = localDay(zone, now);
  return instant >= today.start && instant < today.end
    ? formatTime(instant, zone)
    : formatDateTime(instant, zone);
}

/** "edited 3 h ago by Priya Shah" (or "edited Wed 14 Jan, 14:02 by …" past a week), in the viewer's zone. */
export function editedText(
  doc: Pick<DocumentSummaryView, "updatedAt" | "updatedBy">,
  zone: string,
  now: number,
) {
  const when = agoText(doc.updatedAt, now) ?? formatDateTime(doc.updatedAt, zone);
  return `edited ${when} by ${doc.updatedBy.name}`;
}

// ── The list's filters, kept in the address ─────────────────────────────────────────────────────

export interface ListFilters {
  tag: string | null;
  teamId: string | null;
}

export const filtersFromParams = (params: URLSearchParams): ListFilters => ({
  tag: params.get("tag") || null,
  teamId: params.get("teamId") || null,
});

/** The address's query (and the API's): only what is chosen, so `/docs` stays clean. */
export function filtersToParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.teamId) params.set("teamId", filters.teamId);
  return params;
}

// ── History: which two versions to compare ──────────────────────────────────────────────────────

/**
 * The two versions compared: those the address names when they exist, else the previous against the
 * latest (a document with one version compares it with itself: nothing changed yet).
 */
export function comparedPair(
  params: URLSearchParams,
  versions: readonly { version: number }[],
): { from: number; to: number } | null {
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const latest = numbers.at(-1);
  if (latest === undefined) return null;
  const named = (key: string) => {
    const value = Number(params.get(key));
    return numbers.includes(value) ? value : null;
  };
  return {
    from: named("from") ?? numbers.at(-2) ?? latest,
    to: named("to") ?? latest,
  };
}

/** A diff's two sides: what the earlier text had (equal and deleted) and what the later has (equal and inserted). */
export function diffSides(parts: readonly DiffPart[]): { before: DiffPart[]; after: DiffPart[] } {
  return {
    before: parts.filter((p) => p.op !== "insert"),
    after: parts.filter((p) => p.op !== "delete"),
  };
}

/** "3 words added, 1 removed", for screen readers and a glance; "No changes" when the texts are equal. */
export function diffSummary(parts: readonly DiffPart[]): string {
  const words = (op: DiffPart["op"]) =>
    parts.filter((p) => p.op === op).reduce((n, p) => n + (p.text.match(/\S+/g)?.length ?? 0), 0);
  const added = words("insert");
  const removed = words("delete");
  if (added === 0 && removed === 0) return "No changes";
  const plural = (n: number) => `${n} ${n === 1 ? "word" : "words"}`;
  return [added > 0 && `${plural(added)} added`, removed > 0 && `${plural(removed)} removed`]
    .filter(Boolean)
    .join(", ");
}
