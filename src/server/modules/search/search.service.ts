import { and, eq } from "drizzle-orm";
import {
  SEARCH_PAGE,
  type SearchAnswer,
  type SearchQuery,
  type SearchResult,
} from "../../../contracts/search";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { teams } from "../teams/teams.table";
import { type SearchRow, type SearchSpec, searchStatement } from "./search.sql";
import { decodeSearchCursor, encodeSearchCursor } from "./search-cursor";
import { searchWords } from "./search-words";
import { markSnippet } from "./snippet";

/** A decision's text stands as its title: this long at most. */
const TITLE_CHARS = 200;

/**
 * `GET /search`: what the actor may read that matches `q`, best first, a page at a time. Each kind is
 * filtered by the same visibility rule its reader uses (documents, updates, meetings), inside the
 * actor's organisation; private notes are not indexed at all. Never writes.
 */
export async function search(
  deps: Pick<Deps, "db">,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchAnswer> {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && to < from) throw invalid("to", "must not be before from");
  if (query.teamId) await checkTeam(deps.db, actor.organisationId, query.teamId);
  const limit = query.limit ?? SEARCH_PAGE;
  const spec: SearchSpec = {
    q: query.q,
    words: searchWords(query.q),
    personId: actor.personId,
    organisationId: actor.organisationId,
    type: query.type,
    teamId: query.teamId,
    authorId: query.authorId,
    from,
    to,
    after: query.cursor ? decodeSearchCursor(query.cursor) : undefined,
    take: limit + 1,
  };
  const rows = await searchRows(deps.db, spec);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    results: page.map(present),
    nextCursor:
      rows.length > limit && last
        ? encodeSearchCursor({ rank: last.rank, at: last.at_key, type: last.type, id: last.id })
        : null,
  };
}

/** The statement's rows as they are: the page and one more, titles and raw headlines. */
async function searchRows(db: Executor, spec: SearchSpec): Promise<SearchRow[]> {
  const result = await db.execute(searchStatement(spec));
  return (result as unknown as { rows: SearchRow[] }).rows;
}

async function checkTeam(db: Executor, organisationId: string, teamId: string): Promise<void> {
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organisationId, organisationId)));
  if (!team) throw invalid("teamId", "no such team in your organisation");
}

const PATHS = { document: "/docs", update: "/updates", meeting: "/meetings" } as const;

function present(row: SearchRow): SearchResult {
  const source =
    row.source_type && row.source_id
      ? { type: row.source_type, id: row.source_id, title: row.source_title ?? "" }
      : undefined;
  const path = source
    ? `${PATHS[source.type]}/${source.id}`
    : `${PATHS[row.type === "decision" ? "update" : row.type]}/${row.id}`;
  return {
    type: row.type,
    id: row.id,
    title: shorten(row.title),
    snippet: markSnippet(row.headline),
    rank: row.rank,
    at: new Date(row.at_key).toISOString(),
    path,
    ...(source ? { source } : {}),
    authorName: row.author_name,
  };
}

function shorten(title: string): string {
  const flat = title.replace(/\s+/g, " ").trim();
  return flat.length <= TITLE_CHARS ? flat : `${flat.slice(0, TITLE_CHARS - 1)}…`;
}
