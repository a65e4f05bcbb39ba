import { and, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { decisionsQuery, LogDecisionView } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { meetingAttendees, meetingDecisions, meetings } from "../meetings/meetings.table";
import { people } from "../people/people.table";
import { visibleTo } from "./update-access";
import { updateDecisions, updates } from "./updates.table";

/** The most decisions the log answers (newest first). */
export const DECISIONS_SHOWN = 200;

/**
 * A meeting seen by this person: its organiser or an attendee — `meetingFor`'s rule as SQL, so the
 * log never shows a decision of a meeting (a one-to-one) that opening it would refuse; no role sees more.
 */
export function meetingVisibleTo(personId: string): SQL {
  return or(
    eq(meetings.organiserId, personId),
    sql`exists (select 1 from ${meetingAttendees} where ${meetingAttendees.meetingId} = ${meetings.id} and ${meetingAttendees.personId} = ${personId})`,
  ) as SQL;
}

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
    meetingDecisionsFor(deps.db, actor, filters),
    threadDecisionsFor(deps.db, actor, filters),
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
  const rows = await threadDecisionsFor(db, actor, { updateId });
  return (await linked(db, actor.personId, actor.organisationId, rows))[0];
}

const pattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function meetingDecisionsFor(db: Executor, actor: Actor, f: Filters): Promise<Linkless[]> {
  if (f.updateId) return [];
  const rows = await db
    .select({ d: meetingDecisions, title: meetings.title, teamId: meetings.teamId, name: people.name })
    .from(meetingDecisions)
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
    .innerJoin(people, eq(people.id, meetingDecisions.recordedBy))
    .where(
      and(
        eq(meetingDecisions.organisationId, actor.organisationId),
        eq(meetings.organisationId, actor.organisationId),
        meetingVisibleTo(actor.personId),
        f.q ? or(ilike(meetingDecisions.text, pattern(f.q)), ilike(meetings.title, pattern(f.q))) : undefined,
        f.teamId ? eq(meetings.teamId, f.teamId) : undefined,
        f.from ? gte(meetingDecisions.createdAt, f.from) : undefined,
        f.to ? lte(meetingDecisions.createdAt, f.to) : undefined,
      ),
    )
    .orderBy(desc(meetingDecisions.createdAt), desc(meetingDecisions.id))
    .limit(DECISIONS_SHOWN);
  return rows.map(({ d, title, teamId, name }) => ({
    id: d.id,
    text: d.text,
    source: { type: "meeting", id: d.meetingId, title },
    decidedBy: { personId: d.recordedBy, name },
    decidedAt: d.createdAt.toISOString(),
    teamId,
    supersedesRaw: d.supersedes,
  }));
}

async function threadDecisionsFor(db: Executor, actor: Actor, f: Filters): Promise<Linkless[]> {
  const rows = await db
    .select({ d: updateDecisions, title: updates.title, teamId: updates.audienceTeamId, name: people.name })
    .from(updateDecisions)
    .innerJoin(updates, eq(updates.id, updateDecisions.updateId))
    .innerJoin(people, eq(people.id, updateDecisions.recordedBy))
    .where(
      and(
        eq(updateDecisions.organisationId, actor.organisationId),
        eq(updates.organisationId, actor.organisationId),
        visibleTo(actor.personId),
        f.updateId ? eq(updateDecisions.updateId, f.updateId) : undefined,
        f.q ? or(ilike(updateDecisions.text, pattern(f.q)), ilike(updates.title, pattern(f.q))) : undefined,
        f.teamId ? eq(updates.audienceTeamId, f.teamId) : undefined,
        f.from ? gte(updateDecisions.createdAt, f.from) : undefined,
        f.to ? lte(updateDecisions.createdAt, f.to) : undefined,
      ),
    )
    .orderBy(desc(updateDecisions.createdAt), desc(updateDecisions.id))
    .limit(DECISIONS_SHOWN);
  return rows.map(({ d, title, teamId, name }) => ({
    id: d.id,
    text: d.text,
    source: { type: "update", id: d.updateId, title },
    decidedBy: { personId: d.recordedBy, name },
    decidedAt: d.createdAt.toISOString(),
    teamId,
    supersedesRaw: d.supersedes,
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
  const [m, u] = await Promise.all([
    db
      .select({
        id: meetingDecisions.id,
        supersedes: meetingDecisions.supersedes,
        at: meetingDecisions.createdAt,
      })
      .from(meetingDecisions)
      .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
      .where(
        and(
          eq(meetingDecisions.organisationId, organisationId),
          eq(meetings.organisationId, organisationId),
          or(inArray(meetingDecisions.id, ids), inArray(meetingDecisions.supersedes, ids)),
          meetingVisibleTo(personId),
        ),
      ),
    db
      .select({
        id: updateDecisions.id,
        supersedes: updateDecisions.supersedes,
        at: updateDecisions.createdAt,
      })
      .from(updateDecisions)
      .innerJoin(updates, eq(updates.id, updateDecisions.updateId))
      .where(
        and(
          eq(updateDecisions.organisationId, organisationId),
          eq(updates.organisationId, organisationId),
          or(inArray(updateDecisions.id, ids), inArray(updateDecisions.supersedes, ids)),
          visibleTo(personId),
        ),
      ),
  ]);
  return [...m, ...u];
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
