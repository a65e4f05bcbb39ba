import { type SQL, sql } from "drizzle-orm";
import type { SearchType } from "../../../contracts/search";
import { documents } from "../documents/documents.table";
import { documentVisibleTo } from "../documents/documents.visibility";
import { agendaItems, meetingDecisions, meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";
import { people } from "../people/people.table";
import { updateComments, updateDecisions, updates } from "../updates/updates.table";
import { visibleTo } from "../updates/updates.visibility";
import type { SearchCursor } from "./search-cursor";
import type { SearchWords } from "./search-words";
import { HEADLINE_OPTIONS, MARK_START, MARK_STOP } from "./snippet";

/** What one search statement is asked: the words, who asks, the filters, where the page starts. */
export interface SearchSpec {
  q: string;
  words: SearchWords;
  personId: string;
  organisationId: string;
  type?: SearchType | undefined;
  teamId?: string | undefined;
  authorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  after?: SearchCursor | undefined;
  /** Rows to fetch (a page and one more, to know whether there is a next). */
  take: number;
}

/** One row of the statement: the page's result with its raw headline (sentinels, not HTML). */
export interface SearchRow extends Record<string, unknown> {
  type: SearchType;
  id: string;
  rank: number;
  at_key: string;
  title: string;
  headline: string;
  author_name: string | null;
  source_type: "meeting" | "update" | null;
  source_id: string | null;
  source_title: string | null;
}

/**
 * The tsquery, as one constant expression of the parameters (so the planner folds it and each GIN
 * index sees a real query with real selectivity): `q` in web-search syntax, or its plain words as
 * title prefixes together with its phrases and exclusions. A query of stop words only ("the"), or
 * of exclusions only after them, matches nothing rather than everything.
 */
function matchOf(words: SearchWords, q: string): SQL {
  const web = sql`websearch_to_tsquery('english', ${q})`;
  const full = words.prefix
    ? sql`(${web} || (to_tsquery('simple', ${words.prefix}) && websearch_to_tsquery('english', ${words.rest})))`
    : web;
  return sql`(case when querytree(${web}) in ('', 'T') then ''::tsquery else ${full} end)`;
}

/** A row's rank: cover density, plus 1 when its title (weight A) matches, so titles come first. */
const rankOf = (vector: SQL, match: SQL) =>
  sql`(ts_rank_cd(${vector}, ${match}) + case when ts_filter(${vector}, '{a}') @@ ${match} then 1 else 0 end)::float8`;

/** One kind's matching rows: the result's type and id, which row matched (`hit`), rank and time. */
interface Part {
  type: SearchType;
  hit: string;
  id: SQL;
  hitId: SQL;
  vector: SQL;
  at: SQL;
  from: SQL;
  organisation: SQL[];
  visible: SQL;
  team: SQL;
  author: SQL;
  /** For the page's rows of this hit: the tables joined to `p`, and what the result shows. */
  detail: {
    join: SQL;
    title: SQL;
    text: SQL;
    authorId: SQL;
    source?: { type: "meeting" | "update"; id: SQL; title: SQL };
  };
}

function parts(spec: SearchSpec): Part[] {
  const person = spec.personId;
  const vector = (table: SQL) => sql`${table}.search_vector`;
  return [
    {
      type: "document",
      hit: "document",
      id: sql`${documents.id}`,
      hitId: sql`${documents.id}`,
      vector: vector(sql`${documents}`),
      at: sql`${documents.updatedAt}`,
      from: sql`${documents}`,
      organisation: [sql`${documents.organisationId}`],
      visible: documentVisibleTo(person),
      team: sql`${documents.audienceTeamId}`,
      author: sql`${documents.ownerId}`,
      detail: {
        join: sql`join ${documents} on ${documents.id} = p.hit_id`,
        title: sql`${documents.title}`,
        text: sql`${documents.body}`,
        authorId: sql`${documents.ownerId}`,
      },
    },
    {
      type: "update",
      hit: "update",
      id: sql`${updates.id}`,
      hitId: sql`${updates.id}`,
      vector: vector(sql`${updates}`),
      at: sql`${updates.createdAt}`,
      from: sql`${updates}`,
      organisation: [sql`${updates.organisationId}`],
      visible: visibleTo(person),
      team: sql`${updates.audienceTeamId}`,
      author: sql`${updates.authorId}`,
      detail: {
        join: sql`join ${updates} on ${updates.id} = p.hit_id`,
        title: sql`${updates.title}`,
        text: sql`${updates.body}`,
        authorId: sql`${updates.authorId}`,
      },
    },
    {
      type: "update",
      hit: "comment",
      id: sql`${updates.id}`,
      hitId: sql`${updateComments.id}`,
      vector: vector(sql`${updateComments}`),
      at: sql`${updates.createdAt}`,
      from: sql`${updateComments} join ${updates} on ${updates.id} = ${updateComments.updateId}`,
      organisation: [sql`${updateComments.organisationId}`, sql`${updates.organisationId}`],
      visible: visibleTo(person),
      team: sql`${updates.audienceTeamId}`,
      author: sql`${updateComments.authorId}`,
      detail: {
        join: sql`join ${updateComments} on ${updateComments.id} = p.hit_id join ${updates} on ${updates.id} = p.id`,
        title: sql`${updates.title}`,
        text: sql`${updateComments.body}`,
        authorId: sql`${updates.authorId}`,
      },
    },
    {
      type: "meeting",
      hit: "meeting",
      id: sql`${meetings.id}`,
      hitId: sql`${meetings.id}`,
      vector: vector(sql`${meetings}`),
      at: sql`${meetings.startAt}`,
      from: sql`${meetings}`,
      organisation: [sql`${meetings.organisationId}`],
      visible: meetingVisibleTo(person),
      team: sql`${meetings.teamId}`,
      author: sql`${meetings.organiserId}`,
      detail: {
        join: sql`join ${meetings} on ${meetings.id} = p.hit_id`,
        title: sql`${meetings.title}`,
        text: sql`concat_ws(E'\n', ${meetings.purpose}, ${meetings.description}, ${meetings.notesBody})`,
        authorId: sql`${meetings.organiserId}`,
      },
    },
    {
      type: "meeting",
      hit: "agenda",
      id: sql`${meetings.id}`,
      hitId: sql`${agendaItems.id}`,
      vector: vector(sql`${agendaItems}`),
      at: sql`${meetings.startAt}`,
      from: sql`${agendaItems} join ${meetings} on ${meetings.id} = ${agendaItems.meetingId}`,
      organisation: [sql`${agendaItems.organisationId}`, sql`${meetings.organisationId}`],
      visible: meetingVisibleTo(person),
      team: sql`${meetings.teamId}`,
      author: sql`${meetings.organiserId}`,
      detail: {
        join: sql`join ${agendaItems} on ${agendaItems.id} = p.hit_id join ${meetings} on ${meetings.id} = p.id`,
        title: sql`${meetings.title}`,
        text: sql`concat_ws(E'\n', ${agendaItems.title}, ${agendaItems.notes})`,
        authorId: sql`${meetings.organiserId}`,
      },
    },
    {
      type: "decision",
      hit: "meeting_decision",
      id: sql`${meetingDecisions.id}`,
      hitId: sql`${meetingDecisions.id}`,
      vector: vector(sql`${meetingDecisions}`),
      at: sql`${meetingDecisions.createdAt}`,
      from: sql`${meetingDecisions} join ${meetings} on ${meetings.id} = ${meetingDecisions.meetingId}`,
      organisation: [sql`${meetingDecisions.organisationId}`, sql`${meetings.organisationId}`],
      visible: meetingVisibleTo(person),
      team: sql`${meetings.teamId}`,
      author: sql`${meetingDecisions.recordedBy}`,
      detail: {
        join: sql`join ${meetingDecisions} on ${meetingDecisions.id} = p.hit_id join ${meetings} on ${meetings.id} = ${meetingDecisions.meetingId}`,
        title: sql`${meetingDecisions.text}`,
        text: sql`${meetingDecisions.text}`,
        authorId: sql`${meetingDecisions.recordedBy}`,
        source: { type: "meeting", id: sql`${meetings.id}`, title: sql`${meetings.title}` },
      },
    },
    {
      type: "decision",
      hit: "update_decision",
      id: sql`${updateDecisions.id}`,
      hitId: sql`${updateDecisions.id}`,
      vector: vector(sql`${updateDecisions}`),
      at: sql`${updateDecisions.createdAt}`,
      from: sql`${updateDecisions} join ${updates} on ${updates.id} = ${updateDecisions.updateId}`,
      organisation: [sql`${updateDecisions.organisationId}`, sql`${updates.organisationId}`],
      visible: visibleTo(person),
      team: sql`${updates.audienceTeamId}`,
      author: sql`${updateDecisions.recordedBy}`,
      detail: {
        join: sql`join ${updateDecisions} on ${updateDecisions.id} = p.hit_id join ${updates} on ${updates.id} = ${updateDecisions.updateId}`,
        title: sql`${updateDecisions.text}`,
        text: sql`${updateDecisions.text}`,
        authorId: sql`${updateDecisions.recordedBy}`,
        source: { type: "update", id: sql`${updates.id}`, title: sql`${updates.title}` },
      },
    },
  ];
}

/** One kind's subquery: `search_vector @@ query`, the organisation, its visibility rule, the filters. */
function hitsOf(p: Part, spec: SearchSpec, match: SQL): SQL {
  const where = [
    sql`${p.vector} @@ ${match}`,
    ...p.organisation.map((column) => sql`${column} = ${spec.organisationId}`),
    p.visible,
    spec.teamId ? sql`${p.team} = ${spec.teamId}` : undefined,
    spec.authorId ? sql`${p.author} = ${spec.authorId}` : undefined,
    spec.from ? sql`${p.at} >= ${spec.from.toISOString()}::timestamptz` : undefined,
    spec.to ? sql`${p.at} <= ${spec.to.toISOString()}::timestamptz` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return sql`select ${p.type}::text as type, ${p.id} as id, ${p.hit}::text as hit, ${p.hitId} as hit_id,
    ${rankOf(p.vector, match)} as rank, ${p.at} as at
    from ${p.from} where ${sql.join(
      where.map((c) => sql`(${c})`),
      sql` and `,
    )}`;
}

/** The page's rows of one hit: title, text for the snippet, author and (a decision's) source. */
function detailsOf(p: Part): SQL {
  const d = p.detail;
  const source = d.source
    ? sql`${d.source.type}::text as source_type, ${d.source.id} as source_id, ${d.source.title} as source_title`
    : sql`null::text as source_type, null::uuid as source_id, null::text as source_title`;
  return sql`select p.type, p.id, p.rank, p.at, ${d.title} as title, ${d.text} as text, ${d.authorId} as author_id, ${source}
    from page p ${d.join} where p.hit = ${p.hit}`;
}

/**
 * The search as ONE statement: every kind's matches (a UNION ALL), the best-ranked row per result
 * (an update and its comments, a meeting and its agenda are one result each), the page after the
 * cursor — and only then, for the page's rows alone, titles, authors and `ts_headline` snippets.
 */
export function searchStatement(spec: SearchSpec): SQL {
  const match = matchOf(spec.words, spec.q);
  const chosen = parts(spec).filter((p) => !spec.type || p.type === spec.type);
  const union = (each: (p: Part) => SQL) => sql.join(chosen.map(each), sql` union all `);
  const after = spec.after
    ? sql`where (rank, at, type, id) < (${spec.after.rank}::float8, ${spec.after.at}::timestamptz, ${spec.after.type}::text, ${spec.after.id}::uuid)`
    : sql``;
  const text = sql`replace(replace(coalesce(x.text, ''), ${MARK_START}, ''), ${MARK_STOP}, '')`;
  return sql`with hits as (${union((p) => hitsOf(p, spec, match))}),
    best as (select distinct on (type, id) * from hits order by type, id, rank desc, hit_id),
    page as (select * from best ${after} order by rank desc, at desc, type desc, id desc limit ${spec.take}),
    details as (${union(detailsOf)})
    select x.type, x.id, x.rank,
      to_char(x.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
      x.title, ts_headline('english', ${text}, ${match}, ${HEADLINE_OPTIONS}) as headline,
      ${people.name} as author_name, x.source_type, x.source_id, x.source_title
    from details x left join ${people} on ${people.id} = x.author_id
    order by x.rank desc, x.at desc, x.type desc, x.id desc`;
}
