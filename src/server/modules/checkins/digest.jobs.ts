import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import { localDayToInstantRange } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { defineJob } from "../../platform/job";
import { notify } from "../notifications";
import { people } from "../people/people.table";
import { teamMembers } from "../teams/teams.table";
import { postCheckinDigest } from "../updates";
import { type CheckinRow, participantIdsOf } from "./checkin-access";
import { checkinDigests, checkinOccurrences, checkins } from "./checkins.table";
import { digestMarkdown } from "./digest.markdown";
import { digestOf } from "./digest.service";
import { thresholdsOf } from "./privacy.repo";

/** How many (ritual, date) pairs one run posts; the next run, five minutes on, takes the rest. */
const BATCH = 50;

interface Due {
  checkinId: string;
  organisationId: string;
  localDate: string;
}

/**
 * Posts the digest of each ritual's local date once every window of that date has closed: no
 * `checkin_digests` row yet, every occurrence's `closes_at` passed, and the date over in every
 * participant's zone (so a later zone's occurrences of that date, not delivered yet, are not left
 * out). Answers how many it posted.
 */
export async function postDueDigests(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due: Due[] = await deps.db
    .select({
      checkinId: checkinOccurrences.checkinId,
      organisationId: checkinOccurrences.organisationId,
      localDate: checkinOccurrences.localDate,
    })
    .from(checkinOccurrences)
    .where(
      notExists(
        deps.db
          .select({ one: sql`1` })
          .from(checkinDigests)
          .where(
            and(
              eq(checkinDigests.checkinId, checkinOccurrences.checkinId),
              eq(checkinDigests.localDate, checkinOccurrences.localDate),
            ),
          ),
      ),
    )
    .groupBy(checkinOccurrences.checkinId, checkinOccurrences.organisationId, checkinOccurrences.localDate)
    .having(sql`max(${checkinOccurrences.closesAt}) <= ${now.toISOString()}::timestamptz`)
    .orderBy(asc(checkinOccurrences.localDate))
    .limit(BATCH);
  let posted = 0;
  for (const date of due) if (await postDigest(deps, date, now)) posted++;
  return posted;
}

/**
 * One digest, in one transaction. The `checkin_digests` row is inserted first (ON CONFLICT DO
 * NOTHING): only the run that inserted it goes on, so two workers post it once. Built without names
 * of those who did not answer, posted as an update to the ritual's team (and named participants), and
 * notified to the participants.
 */
async function postDigest(deps: Deps, due: Due, now: Date): Promise<boolean> {
  const [checkin] = await deps.db
    .select()
    .from(checkins)
    .where(and(eq(checkins.id, due.checkinId), eq(checkins.organisationId, due.organisationId)));
  if (!checkin || !(await dateOverForAll(deps.db, checkin, due.localDate, now))) return false;
  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(checkinDigests)
      .values({ ...due, postedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return false;
    const thresholds = await thresholdsOf(tx, checkin.organisationId);
    const digest = await digestOf(tx, null, checkin, due.localDate, thresholds, { nonRespondents: false });
    const participants = await deliveredTo(tx, checkin, due.localDate);
    const inTeam = checkin.teamId ? await membersOf(tx, checkin.teamId, participants) : new Set<string>();
    const updateId = await postCheckinDigest(tx, deps, {
      organisationId: checkin.organisationId,
      authorId: checkin.ownerId,
      title: digestTitle(checkin.name, due.localDate),
      body: digestMarkdown(digest),
      teamId: checkin.teamId,
      personIds: participants.filter((id) => !inTeam.has(id)),
    });
    await tx
      .update(checkinDigests)
      .set({ updateId })
      .where(and(eq(checkinDigests.checkinId, checkin.id), eq(checkinDigests.localDate, due.localDate)));
    if (participants.length > 0)
      await notify(tx, deps, {
        organisationId: checkin.organisationId,
        recipients: participants,
        kind: "checkin.digest",
        subject: `Digest of "${checkin.name}" for ${due.localDate}`,
        body: `${digest.answered} of ${digest.participants} answered "${checkin.name}". Read the digest on its page or in the feed.`,
        link: `/checkins/${checkin.id}?date=${due.localDate}`,
        objectRef: { type: "checkin", id: checkin.id },
        teamId: checkin.teamId,
      });
    return true;
  });
}

/**
 * Whether `date` has ended in the zone of everyone it may still be delivered to (the ritual's
 * participants now, and those delivered to that day): no occurrence of that date can come later.
 */
async function dateOverForAll(db: Executor, checkin: CheckinRow, date: string, now: Date): Promise<boolean> {
  const ids = [
    ...new Set([...(await participantIdsOf(db, checkin)), ...(await deliveredTo(db, checkin, date))]),
  ];
  if (ids.length === 0) return true;
  const zones = await db
    .selectDistinct({ timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.organisationId, checkin.organisationId), inArray(people.id, ids)));
  return zones.every(({ timeZone }) => localDayToInstantRange(timeZone, date).end <= now.getTime());
}

/** The active people the ritual was delivered to on `date`. */
async function deliveredTo(db: Executor, checkin: CheckinRow, date: string): Promise<string[]> {
  const rows = await db
    .select({ id: checkinOccurrences.personId })
    .from(checkinOccurrences)
    .innerJoin(people, eq(people.id, checkinOccurrences.personId))
    .where(
      and(
        eq(checkinOccurrences.organisationId, checkin.organisationId),
        eq(checkinOccurrences.checkinId, checkin.id),
        eq(checkinOccurrences.localDate, date),
        eq(people.active, true),
      ),
    );
  return rows.map((r) => r.id);
}

/** Those of `ids` who are in the team (the update reaches them through it). */
async function membersOf(db: Executor, teamId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: teamMembers.personId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.personId, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/** When every participant's window for a local date has closed: the digest, posted once to the feed. */
export const postCheckinDigestsJob = defineJob({
  name: "post-checkin-digests",
  payload: z.object({}),
  everyMinutes: 5,
  handle: (deps: Deps) => postDueDigests(deps),
});

const DAY_WORDS = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "Daily standup: digest for Wednesday, 9 December 2026" — the date is each person's own local date. */
export const digestTitle = (name: string, localDate: string): string =>
  `${name}: digest for ${DAY_WORDS.format(Date.parse(`${localDate}T00:00:00Z`))}`;
