import { SEARCH_TYPES, type SearchType } from "../../../contracts/search";
import { localToInstant } from "../../../core/time";

/**
 * The results page's search as the address holds it (`/search?q=&type=&teamId=&authorId=&from=&to=`),
 * so Back, a reload and a shared link all show the same results.
 */
export interface SearchFilters {
  q: string;
  type: SearchType | null;
  teamId: string | null;
  authorId: string | null;
  /** Local dates `YYYY-MM-DD` on the viewer's calendar, or "". */
  from: string;
  to: string;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isType = (value: string | null): value is SearchType =>
  value !== null && (SEARCH_TYPES as readonly string[]).includes(value);

/** The search an address names; anything it does not name (or names wrongly) is left out. */
export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const type = params.get("type");
  const date = (key: string) => {
    const value = params.get(key) ?? "";
    return LOCAL_DATE.test(value) ? value : "";
  };
  return {
    q: params.get("q") ?? "",
    type: isType(type) ? type : null,
    teamId: params.get("teamId") || null,
    authorId: params.get("authorId") || null,
    from: date("from"),
    to: date("to"),
  };
}

/** The address's query for `filters`: `q` always (first), then only the filters that narrow. */
export function filtersToParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams({ q: filters.q });
  if (filters.type) params.set("type", filters.type);
  if (filters.teamId) params.set("teamId", filters.teamId);
  if (filters.authorId) params.set("authorId", filters.authorId);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params;
}

/** The results page for `filters`: where the top bar's box and the page's own field go. */
export const searchPath = (filters: SearchFilters) => `/search?${filtersToParams(filters)}`;

/**
 * `GET /search`'s address for `filters`, or null while there is nothing to search for. The dates
 * become instants in the viewer's zone — from the start of the first day to the end of the last,
 * so "to 14 Jan" includes all of 14 Jan.
 */
export function searchApiPath(filters: SearchFilters, zone: string): string | null {
  const q = filters.q.trim();
  if (!q) return null;
  const params = filtersToParams({ ...filters, q, from: "", to: "" });
  if (filters.from) params.set("from", new Date(localToInstant(zone, filters.from, 0)).toISOString());
  if (filters.to) params.set("to", new Date(localToInstant(zone, filters.to, 1440)).toISOString());
  return `/search?${params}`;
}

/** Whether anything but the words narrows the results (then the empty state offers to clear it). */
export const isNarrowed = (filters: SearchFilters) =>
  filters.type !== null ||
  filters.teamId !== null ||
  filters.authorId !== null ||
  !!filters.from ||
  !!filters.to;

/** A piece of a result's snippet: text, and whether the search matched it. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text an HTML-escaped string stands for (named entities above, and numeric ones). */
export function unescapeHtml(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
    const code =
      name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A snippet (escaped text whose only tags are `<mark>`) as plain pieces, so the page renders it as
 * text with highlights and never as HTML: whatever else it held stays visible characters.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === "<mark>" || tag === "</mark>") marked = tag === "<mark>";
    else if (piece) parts.push({ text: unescapeHtml(piece), marked });
  }
  return parts;
}
