import { z } from "zod";
import { instant, text, uuid } from "./common";

/** Issue 13: one search over documents, updates (and their comments), meetings and decisions. */

export const SEARCH_TYPES = ["document", "update", "meeting", "decision"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const SEARCH_PAGE = 20;

/**
 * `GET /search`: `q` in web-search syntax — words (stemmed: "designs" finds "designing"),
 * "a phrase", -excluded, `or`; the last words also match titles by prefix ("roadm" finds "Roadmap").
 */
export const searchQuery = z.strictObject({
  q: text().trim().min(1, "type something to search for").max(200, "must be at most 200 characters"),
  type: z.enum(SEARCH_TYPES, { message: "must be document, update, meeting or decision" }).optional(),
  teamId: uuid.optional(),
  authorId: uuid.optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: text().max(200, "must be at most 200 characters").optional(),
  limit: z.coerce.number().int("must be a whole number").min(1).max(50).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResult = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  /** Escaped text with the matched words in `<mark>`; nothing else is HTML. */
  snippet: z.string(),
  rank: z.number(),
  /** When it was written or last changed (a meeting: its start). */
  at: z.string(),
  /** Where to open it in the web app ("/docs/…", "/updates/…", "/meetings/…"). */
  path: z.string(),
  /** For a decision: where it was made. */
  source: z.object({ type: z.enum(["meeting", "update"]), id: z.string(), title: z.string() }).optional(),
  authorName: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchAnswer = z.object({ results: z.array(searchResult), nextCursor: z.string().nullable() });
export type SearchAnswer = z.infer<typeof searchAnswer>;
