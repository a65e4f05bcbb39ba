import { and, desc, eq, gte, ilike, inArray, lte, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { decisionsQuery, LogDecisionView } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { meetingDecisions, meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";
import { people } from "../people/people.table";
import { updateDecisions, updates } from "./updates.table";
import { visibleTo } from "./updates.visibility";

/** The most decisions the log answers (newest first). */
export const DECISIONS_SHOWN = 200;

interface Filters {
  q?: string | undefined;
  teamId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** One thread's decision only (its page). */
  updateId?: string | undefined;
}

type Linkless = Omit<LogDecisionView, "supersedes" | "supersededBy"> & { supersedesRaw: string | null };

/**
 * `GET /decisions`: the decisions of meetings and threads the actor may see, newest first, at most
 * {@link DECISIONS_SHOWN}, each linked to what it supersedes and what superseded it. Never writes.
 */
export async function listDecisions(
  deps: Pick<Deps, "db">,
  actor: Actor,
  query: z.infer<typeof decisionsQuery>,
): Promise<LogDecisionView[]> {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && to < from) throw invalid("to", "must not be before from");
  const q = query.q?.trim() || undefined;
  const filters = { q, teamId: query.teamId, from, to };
  const [fromMeetings, fromThreads] = await Promise.all([
    decisionsFor(deps.db, "meeting", actor, filters),
    decisionsFor(deps.db, "update", actor, filters),
  ]);
  const newest = [...fromMeetings, ...fromThreads]
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt) || b.id.localeCompare(a.id))
    .slice(0, DECISIONS_SHOWN);
  return linked(deps.db, actor.personId, actor.organisationId, newest);
}

/** A thread's decision as the log shows it to this actor (for the thread's page), if it has one. */
export async function decisionOfUpdate(
  db: Executor,
  actor: Actor,
  updateId: string,
): Promise<LogDecisionView | undefined> {
  const rows = await decisionsFor(db, "update", actor, { updateId });
  return (await linked(db, actor.personId, actor.organisationId, rows))[0];
}

const pattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The two places a decision is recorded, described alike so one query reads either. */
const SOURCES = {
  meeting: {
    decisions: meetingDecisions,
    sourceId: meetingDecisions.meetingId,
    parent: meetings,
    title: meetings.title,
    teamId: meetings.teamId,
    visibleTo: meetingVisibleTo,
  },
  update: {
    decisions: updateDecisions,
    sourceId: updateDecisions.updateId,
    parent: updates,
    title: updates.title,
    teamId: updates.audienceTeamId,
    visibleTo,
  },
};
type SourceType = keyof typeof SOURCES;

/**
 * The decisions of one source that `personId` may see (its meeting or thread visible to them), with
 * the source's title and team and the recorder's name, newest first; `where` narrows further.
 */
function decisionsIn(
  db: Executor,
  type: SourceType,
  personId: string,
  organisationId: string,
  where: (d: (typeof SOURCES)[SourceType]) => (SQL | undefined)[],
) {
  const s: (typeof SOURCES)[SourceType] = SOURCES[type];
  const d = s.decisions;
  return db
    .select({
      id: d.id,
      text: d.text,
      supersedes: d.supersedes,
      recordedBy: d.recordedBy,
      createdAt: d.createdAt,
      sourceId: s.sourceId,
      title: s.title,
      teamId: s.teamId,
      name: people.name,
    })
    .from(d)
    .innerJoin(s.parent, eq(s.parent.id, s.sourceId))
    .innerJoin(people, eq(people.id, d.recordedBy))
    .where(
      and(
        eq(d.organisationId, organisationId),
        eq(s.parent.organisationId, organisationId),
        s.visibleTo(personId),
        ...where(s),
      ),
    )
    .orderBy(desc(d.createdAt), desc(d.id));
}

/** One source's decisions for the log (or a thread's page), filtered, at most {@link DECISIONS_SHOWN}. */
async function decisionsFor(db: Executor, type: SourceType, actor: Actor, f: Filters): Promise<Linkless[]> {
  if (f.updateId && type !== "update") return [];
  const rows = await decisionsIn(db, type, actor.personId, actor.organisationId, (s) => [
    f.updateId ? eq(s.sourceId, f.updateId) : undefined,
    f.q ? or(ilike(s.decisions.text, pattern(f.q)), ilike(s.title, pattern(f.q))) : undefined,
    f.teamId ? eq(s.teamId, f.teamId) : undefined,
    f.from ? gte(s.decisions.createdAt, f.from) : undefined,
    f.to ? lte(s.decisions.createdAt, f.to) : undefined,
  ]).limit(DECISIONS_SHOWN);
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    source: { type, id: r.sourceId, title: r.title },
    decidedBy: { personId: r.recordedBy, name: r.name },
    decidedAt: r.createdAt.toISOString(),
    teamId: r.teamId,
    supersedesRaw: r.supersedes,
  }));
}

interface Link {
  id: string;
  supersedes: string | null;
  at: Date;
}

/**
 * The decisions of either table that `personId` may see and that are, or supersede, one of `ids`:
 * links are shown both ways, but only to decisions the viewer could open (no hint that a one-to-one
 * decided something).
 */
export async function visibleLinks(
  db: Executor,
  personId: string,
  organisationId: string,
  ids: string[],
): Promise<Link[]> {
  if (ids.length === 0) return [];
  const read = (type: SourceType) =>
    decisionsIn(db, type, personId, organisationId, ({ decisions: d }) => [
      or(inArray(d.id, ids), inArray(d.supersedes, ids)),
    ]);
  const rows = (await Promise.all([read("meeting"), read("update")])).flat();
  return rows.map((r) => ({ id: r.id, supersedes: r.supersedes, at: r.createdAt }));
}

/** Adds `supersedes` (when visible) and `supersededBy` (the newest visible decision naming it). */
async function linked(
  db: Executor,
  personId: string,
  organisationId: string,
  rows: Linkless[],
): Promise<LogDecisionView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.supersedesRaw ? [r.id, r.supersedesRaw] : [r.id])))];
  const links = await visibleLinks(db, personId, organisationId, ids);
  const visible = new Set(links.map((l) => l.id));
  const newestFirst = links
    .filter((l) => l.supersedes !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  return rows.map(({ supersedesRaw, ...row }) => ({
    ...row,
    supersedes: supersedesRaw && visible.has(supersedesRaw) ? supersedesRaw : null,
    supersededBy: newestFirst.find((l) => l.supersedes === row.id)?.id ?? null,
  }));
}
