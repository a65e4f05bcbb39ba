import { and, asc, eq, gt, inArray, isNull, ne, notInArray, or } from "drizzle-orm";
import type { FeedView } from "../../../contracts/calendars";
import { calendarFeed, type SeriesOccurrence, seriesRuleOf, seriesUid } from "../../../core/calendar";
import type { Deps } from "../../deps";
import { randomToken, sha256 } from "../../platform/crypto";
import { isUniqueViolation } from "../../platform/db/errors";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { meetingAttendees, meetingSeries, meetings } from "../meetings/meetings.table";
import { findPerson } from "../people";
import { rotationAttendees, rotationOccurrences, rotations } from "../scheduling/scheduling.table";
import { calendarFeeds } from "./calendars.table";
import { focusRow } from "./focus.service";

const FEED_PATH = /^[A-Za-z0-9_-]{43}$/;
const feedUrl = (deps: Deps, secret: string) => `${deps.config.publicUrl}/feeds/${secret}.ics`;

async function issueFeed(deps: Deps, tx: Executor, actor: Actor): Promise<FeedView> {
  const secret = randomToken();
  const [row] = await tx
    .insert(calendarFeeds)
    .values({
      organisationId: actor.organisationId,
      personId: actor.personId,
      secretHash: sha256(secret),
      secret,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { url: feedUrl(deps, secret), createdAt: row.createdAt.toISOString() };
}

const activeFeed = (actor: Actor) =>
  and(
    eq(calendarFeeds.organisationId, actor.organisationId),
    eq(calendarFeeds.personId, actor.personId),
    isNull(calendarFeeds.revokedAt),
  );

/** POST /me/calendar-feed: the feed's address, created on the first call and the same after. */
export async function myCalendarFeed(deps: Deps, actor: Actor): Promise<FeedView> {
  const [existing] = await deps.db.select().from(calendarFeeds).where(activeFeed(actor));
  if (existing?.secret)
    return { url: feedUrl(deps, existing.secret), createdAt: existing.createdAt.toISOString() };
  if (existing) return rotateCalendarFeed(deps, actor); // made before addresses were kept: issue a new one
  try {
    return await deps.db.transaction((tx) => issueFeed(deps, tx, actor));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return myCalendarFeed(deps, actor); // a concurrent first call created it
  }
}

/** Revokes the current feed address (if any) and issues a new one, in one transaction. */
export async function rotateCalendarFeed(deps: Deps, actor: Actor): Promise<FeedView> {
  return deps.db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: new Date() }).where(activeFeed(actor));
    return issueFeed(deps, tx, actor);
  });
}

/**
 * GET /feeds/:secret.ics (public): focus blocks as weekly events, saved rotations and the person's
 * meetings (each with the UID of its emailed invitation); unknown or revoked → 404.
 */
export async function renderFeed(deps: Deps, secret: string, now = Date.now()): Promise<string> {
  if (!FEED_PATH.test(secret)) throw notFound("Feed");
  const [feed] = await deps.db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.secretHash, sha256(secret)), isNull(calendarFeeds.revokedAt)));
  const person = feed && (await findPerson(deps.db, feed.organisationId, feed.personId));
  if (!feed || !person) throw notFound("Feed");
  const [focus, rotationEvents, meetingEvents] = await Promise.all([
    focusRow(deps.db, feed.organisationId, feed.personId),
    rotationOccurrencesOf(deps.db, feed.organisationId, feed.personId, now),
    meetingsOf(deps.db, feed.organisationId, feed.personId, now),
  ]);
  return calendarFeed({
    name: `${person.name} — Tandem`,
    timeZone: person.timeZone,
    focus: focus?.week ?? {},
    uidPrefix: person.id,
    since: (focus?.updatedAt ?? feed.createdAt).toISOString().slice(0, 10),
    now,
    events: [...rotationEvents, ...meetingEvents.single],
    series: meetingEvents.series,
  });
}

const FEED_PAST_MS = 90 * 86_400_000;

/** The person's saved rotation occurrences from 90 days ago on, as one-off feed events. */
async function rotationOccurrencesOf(
  executor: Executor,
  organisationId: string,
  personId: string,
  now: number,
) {
  const rows = await executor
    .select({
      rotationId: rotations.id,
      name: rotations.name,
      start: rotationOccurrences.start,
      end: rotationOccurrences.end,
    })
    .from(rotationAttendees)
    .innerJoin(rotations, eq(rotations.id, rotationAttendees.rotationId))
    .innerJoin(rotationOccurrences, eq(rotationOccurrences.rotationId, rotations.id))
    .where(
      and(
        eq(rotationAttendees.organisationId, organisationId),
        eq(rotationAttendees.personId, personId),
        gt(rotationOccurrences.end, new Date(now - FEED_PAST_MS)),
      ),
    )
    .orderBy(asc(rotationOccurrences.start));
  return rows.map((r) => ({
    uid: `rotation-${r.rotationId}-${r.start.getTime()}`,
    start: r.start.getTime(),
    end: r.end.getTime(),
    summary: `${r.name ?? "Rotating meeting"} (rotation)`,
  }));
}

/**
 * The person's meetings from 90 days ago on that are not cancelled and that they organise or are
 * invited to and have not declined, with the UIDs of the invitations: a single meeting as one event
 * (`<meetingId>@tandem`), a series as one recurring event (`<seriesId>@tandem`) whose other
 * occurrences are EXDATEs.
 */
async function meetingsOf(executor: Executor, organisationId: string, personId: string, now: number) {
  const answered = (declined: boolean) =>
    executor
      .select({ id: meetingAttendees.meetingId })
      .from(meetingAttendees)
      .where(
        and(
          eq(meetingAttendees.organisationId, organisationId),
          eq(meetingAttendees.personId, personId),
          declined ? eq(meetingAttendees.rsvp, "no") : ne(meetingAttendees.rsvp, "no"),
        ),
      );
  const invited = answered(false);
  const declined = answered(true);
  const rows = await executor
    .select({
      id: meetings.id,
      title: meetings.title,
      start: meetings.startAt,
      end: meetings.endAt,
      seriesId: meetings.seriesId,
      seriesIndex: meetings.seriesIndex,
      sequence: meetings.sequence,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.organisationId, organisationId),
        ne(meetings.status, "cancelled"),
        gt(meetings.endAt, new Date(now - FEED_PAST_MS)),
        or(
          inArray(meetings.id, invited),
          and(eq(meetings.organiserId, personId), notInArray(meetings.id, declined)),
        ),
      ),
    )
    .orderBy(asc(meetings.startAt));
  const single = rows
    .filter((m) => !m.seriesId)
    .map((m) => ({ uid: m.id, start: m.start.getTime(), end: m.end.getTime(), summary: m.title }));
  const seriesIds = [...new Set(rows.flatMap((m) => (m.seriesId ? [m.seriesId] : [])))];
  const seriesRows =
    seriesIds.length === 0
      ? []
      : await executor
          .select()
          .from(meetingSeries)
          .where(and(eq(meetingSeries.organisationId, organisationId), inArray(meetingSeries.id, seriesIds)));
  const series = seriesRows.map((s) => ({
    uid: seriesUid(s.id),
    rule: seriesRuleOf(s),
    occurrences: rows
      .filter((m) => m.seriesId === s.id)
      .map(
        (m): SeriesOccurrence => ({
          index: m.seriesIndex ?? 0,
          start: m.start.getTime(),
          end: m.end.getTime(),
          sequence: m.sequence,
          summary: m.title,
          props: [],
        }),
      ),
  }));
  return { single, series };
}
