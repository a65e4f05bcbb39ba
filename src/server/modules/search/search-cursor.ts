import { uuid } from "../../../contracts/common";
import { SEARCH_TYPES, type SearchType } from "../../../contracts/search";
import { invalid } from "../../platform/errors";

/**
 * Where a page of results ends, in their order (rank, then time, type and id, all descending): the
 * last row's rank (a float8, which JSON carries exactly), its time as PostgreSQL's text (microseconds
 * kept, so rows within one millisecond are neither repeated nor skipped), its type and id.
 */
export interface SearchCursor {
  rank: number;
  at: string;
  type: SearchType;
  id: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Opaque to clients: base64url of the JSON. */
export const encodeSearchCursor = (c: SearchCursor): string =>
  Buffer.from(JSON.stringify({ r: c.rank, a: c.at, t: c.type, i: c.id })).toString("base64url");

/** The cursor a search gave, else 400 naming `cursor` (never a parser's words). */
export function decodeSearchCursor(text: string): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const { r, a, t, i } = (parsed ?? {}) as Record<string, unknown>;
  const ok =
    typeof r === "number" &&
    Number.isFinite(r) &&
    typeof a === "string" &&
    INSTANT.test(a) &&
    !Number.isNaN(Date.parse(a)) &&
    SEARCH_TYPES.includes(t as SearchType) &&
    uuid.safeParse(i).success;
  if (!ok) throw invalid("cursor", "is not one this search gave");
  return { rank: r as number, at: a as string, type: t as SearchType, id: i as string };
}
