import { and, eq, gt, gte, inArray, lt, ne, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Interval } from "../../../core/time";
import { epochMs } from "../../platform/db/epoch";
import type { Executor } from "../../platform/db/types";
import { meetingAttendees, meetings } from "../meetings/meetings.table";
import { inconvenienceLedger } from "../scheduling/scheduling.table";
import { teamMembers } from "../teams/teams.table";
import { ms } from "./rollup.instants";

/**
 * The rollup's facts about time: Tandem meetings attended, imported calendar busy time and the
 * inconvenience ledger's points, each in one query for the batch over the window (see rollup.repo.ts).
 */

/** Who is not attending a meeting: declined, or following it asynchronously. */
const NOT_ATTENDING = ["no", "follow_async"] as const;

/** A meeting a person attends, as an interval of epoch milliseconds. */
export interface AttendedMeeting extends Interval {
  personId: string;
  /** Another attendee (going) shares one of the person's teams. */
  shared: boolean;
}

/**
 * Tandem meetings each person attends (not cancelled, not declined or followed async) overlapping
 * `window`, each marked `shared` when a teammate goes too. Three flat queries (the meetings; the going
 * attendees of those meetings who are in a team with someone of the batch; the batch's teammates),
 * joined here: a per-row subquery over attendees and teams was ten times slower at 500 people.
 */
export async function attendedMeetings(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<AttendedMeeting[]> {
  const ids = [...personIds];
  const attending = and(
    eq(meetingAttendees.organisationId, organisationId),
    inArray(meetingAttendees.personId, ids),
    notInArray(meetingAttendees.rsvp, [...NOT_ATTENDING]),
    eq(meetings.organisationId, organisationId),
    ne(meetings.status, "cancelled"),
    lt(meetings.startAt, new Date(window.end)),
    gt(meetings.endAt, new Date(window.start)),
  );
  const theirTeams = executor
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organisationId, organisationId), inArray(teamMembers.personId, ids)));
  const other = alias(meetingAttendees, "other");
  const [rows, going, mates] = await Promise.all([
    executor
      .select({
        meetingId: meetingAttendees.meetingId,
        personId: meetingAttendees.personId,
        start: epochMs(meetings.startAt),
        end: epochMs(meetings.endAt),
      })
      .from(meetingAttendees)
      .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
      .where(attending),
    executor
      .select({ meetingId: other.meetingId, personId: other.personId })
      .from(other)
      .where(
        and(
          eq(other.organisationId, organisationId),
          notInArray(other.rsvp, [...NOT_ATTENDING]),
          inArray(
            other.meetingId,
            executor
              .select({ id: meetingAttendees.meetingId })
              .from(meetingAttendees)
              .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
              .where(attending),
          ),
          inArray(
            other.personId,
            executor
              .select({ id: teamMembers.personId })
              .from(teamMembers)
              .where(inArray(teamMembers.teamId, theirTeams)),
          ),
        ),
      ),
    executor
      .selectDistinct({ personId: teamMembers.personId, teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(inArray(teamMembers.teamId, theirTeams)),
  ]);
  const teamsOf = new Map<string, string[]>();
  for (const m of mates) teamsOf.set(m.personId, [...(teamsOf.get(m.personId) ?? []), m.teamId]);
  const goingTo = new Map<string, string[]>();
  for (const g of going) {
    const list = goingTo.get(g.meetingId);
    if (list) list.push(g.personId);
    else goingTo.set(g.meetingId, [g.personId]);
  }
  const teammates = (a: string, b: string) => {
    const mine = teamsOf.get(a);
    const theirs = teamsOf.get(b);
    return !!mine && !!theirs && mine.some((t) => theirs.includes(t));
  };
  return rows.map((r) => ({
    personId: r.personId,
    start: Number(r.start),
    end: Number(r.end),
    shared: (goingTo.get(r.meetingId) ?? []).some((p) => p !== r.personId && teammates(r.personId, p)),
  }));
}

/** Inconvenience points booked to each person inside `window` (the scheduling ledger). */
export async function ledgerPoints(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
) {
  const l = inconvenienceLedger;
  const rows = await executor
    .select({ personId: l.personId, at: l.occurredAt, points: l.points })
    .from(l)
    .where(
      and(
        eq(l.organisationId, organisationId),
        inArray(l.personId, [...personIds]),
        gte(l.occurredAt, new Date(window.start)),
        lt(l.occurredAt, new Date(window.end)),
      ),
    );
  return rows.map((r) => ({ personId: r.personId, at: ms(r.at), points: r.points }));
}
