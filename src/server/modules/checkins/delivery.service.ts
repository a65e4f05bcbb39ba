import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { MAX_WINDOW_HOURS, type QuestionView } from "../../../contracts/checkins";
import { askedQuestions, type Delivery, openDeliveries } from "../../../core/checkins";
import { dayWords } from "../../../core/meetings";
import { DAY_MS, formatTimeOfDay, HOUR_MS, type Interval, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notify } from "../notifications";
import { type PersonWithProfile, people, workingTimeProfilesOf } from "../people";
import { type CheckinRow, participantIdsOf } from "./checkin-access";
import { checkinOccurrences, checkins } from "./checkins.table";
import { questionsOf } from "./questions.repo";

const o = checkinOccurrences;

/** Where a person answers one occurrence (the web app's answer form). */
export const answerLink = (occurrenceId: string) => `/checkins/answer/${occurrenceId}`;

/** "17:00 on Friday 11 December in Asia/Tokyo": an instant on the person's own clock. */
export function theirClock(timeZone: string, at: number): string {
  const local = instantToLocal(timeZone, at);
  return `${formatTimeOfDay(local.minutes)} on ${dayWords(local.date)} in ${timeZone}`;
}

/**
 * The span whose absences and zone changes decide the open deliveries at `now`: every delivery still
 * open began at most the longest window ago (plus a day each side for zones far from UTC).
 */
function profileWindow(now: number): Interval {
  return { start: now - MAX_WINDOW_HOURS * HOUR_MS - 2 * DAY_MS, end: now + 2 * DAY_MS };
}

/**
 * The delivery sweep (`deliver-checkins`, every minute): for every ritual not paused, each participant's
 * occurrences whose window holds `now` (`core/checkins.openDeliveries`: their own local time that day,
 * nothing on a day off or when absent). Each is inserted once — the unique key (ritual, person, local
 * date) with ON CONFLICT DO NOTHING — and only the rows this sweep inserted are notified, so a second
 * run, or a second instance at the same moment, delivers nothing twice. Per organisation a few queries
 * (rituals, questions, profiles; participants per ritual); one transaction per ritual. Answers how many
 * occurrences it created.
 */
export async function deliverCheckins(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const orgs = await deps.db
    .selectDistinct({ id: checkins.organisationId })
    .from(checkins)
    .where(eq(checkins.paused, false));
  let delivered = 0;
  for (const { id } of orgs) delivered += await deliverForOrganisation(deps, id, now);
  return delivered;
}

async function deliverForOrganisation(deps: Deps, organisationId: string, now: Date): Promise<number> {
  const rituals = await deps.db
    .select()
    .from(checkins)
    .where(and(eq(checkins.organisationId, organisationId), eq(checkins.paused, false)));
  const participants = new Map<string, string[]>();
  for (const ritual of rituals) participants.set(ritual.id, await participantIdsOf(deps.db, ritual));
  const everyone = [...new Set([...participants.values()].flat())];
  if (everyone.length === 0) return 0;
  const [profiles, questions] = await Promise.all([
    workingTimeProfilesOf(deps.db, organisationId, everyone, profileWindow(now.getTime())),
    questionsOf(
      deps.db,
      rituals.map((r) => r.id),
    ),
  ]);
  let delivered = 0;
  for (const ritual of rituals) {
    const due = dueFor(ritual, participants.get(ritual.id) ?? [], profiles, now.getTime());
    if (due.length === 0) continue;
    delivered += await deps.db.transaction((tx) =>
      insertAndNotify(tx, deps, ritual, questions.get(ritual.id) ?? [], due),
    );
  }
  return delivered;
}

interface Due {
  personId: string;
  timeZone: string;
  delivery: Delivery;
}

/** Every open delivery of a ritual to its participants now. */
function dueFor(
  ritual: CheckinRow,
  participantIds: readonly string[],
  profiles: Map<string, PersonWithProfile>,
  now: number,
): Due[] {
  const timing = {
    schedule: { days: ritual.days, localTime: ritual.localTime },
    windowHours: ritual.windowHours,
  };
  return participantIds.flatMap((personId) => {
    const found = profiles.get(personId);
    if (!found) return [];
    return openDeliveries(found.profile, timing, now).map((delivery) => ({
      personId,
      timeZone: delivery.timeZone,
      delivery,
    }));
  });
}

/** Inserts the occurrences not yet there and notifies their people (only of the rows it inserted). */
async function insertAndNotify(
  tx: Executor,
  deps: Deps,
  ritual: CheckinRow,
  questions: readonly QuestionView[],
  due: readonly Due[],
): Promise<number> {
  const inserted = await tx
    .insert(o)
    .values(
      due.map(({ personId, delivery: d }) => ({
        organisationId: ritual.organisationId,
        checkinId: ritual.id,
        personId,
        localDate: d.localDate,
        deliveredAt: new Date(d.deliverAt),
        lateAfter: new Date(d.lateAfter),
        closesAt: new Date(d.closesAt),
        remindAt: ritual.reminder && d.remind ? new Date(d.lateAfter) : null,
        questions: askedQuestions(questions, d.localDate),
      })),
    )
    .onConflictDoNothing({ target: [o.checkinId, o.personId, o.localDate] })
    .returning({ id: o.id, personId: o.personId, localDate: o.localDate, closesAt: o.closesAt });
  const zoneOf = new Map(due.map((d) => [`${d.personId} ${d.delivery.localDate}`, d.timeZone]));
  for (const row of inserted) {
    const zone = zoneOf.get(`${row.personId} ${row.localDate}`) ?? "UTC";
    const link = answerLink(row.id);
    await notify(tx, deps, {
      organisationId: ritual.organisationId,
      recipients: [row.personId],
      kind: "checkin.due",
      subject: `${ritual.name}: your check-in`,
      body:
        `Your check-in **${ritual.name}** for ${dayWords(row.localDate)} is open. ` +
        `Answer it by ${theirClock(zone, row.closesAt.getTime())}.`,
      webhookBody: `A check-in of ${ritual.name} is open: answer it in Tandem.`,
      link,
      objectRef: { type: "checkin_occurrence", id: row.id },
      teamId: ritual.teamId,
    });
  }
  return inserted.length;
}

/**
 * The reminder sweep (`remind-checkins`, every 5 minutes): claims the occurrences whose reminder is
 * due (`remind_at` passed, not yet reminded, not answered, window still open), marking them reminded
 * in the same UPDATE … RETURNING — so two sweeps at once, or one run twice, never remind anyone
 * twice — then tells each person once, through `notify` (inside their hours by its rules). A claimed
 * occurrence of someone no longer active is not sent. One transaction per organisation; answers how
 * many it claimed.
 */
export async function remindCheckins(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const orgs = await deps.db.selectDistinct({ id: o.organisationId }).from(o).where(dueReminder(now));
  let claimed = 0;
  for (const { id } of orgs) {
    claimed += await deps.db.transaction(async (tx) => {
      const rows = await tx
        .update(o)
        .set({ remindedAt: now })
        .where(and(eq(o.organisationId, id), dueReminder(now)))
        .returning({ id: o.id, checkinId: o.checkinId, personId: o.personId, closesAt: o.closesAt });
      await sendReminders(tx, deps, id, rows);
      return rows.length;
    });
  }
  return claimed;
}

const dueReminder = (now: Date) =>
  and(lte(o.remindAt, now), isNull(o.remindedAt), isNull(o.answeredAt), gt(o.closesAt, now));

async function sendReminders(
  tx: Executor,
  deps: Deps,
  organisationId: string,
  claimed: { id: string; checkinId: string; personId: string; closesAt: Date }[],
) {
  if (claimed.length === 0) return;
  const [rituals, persons] = await Promise.all([
    tx
      .select({ id: checkins.id, name: checkins.name, teamId: checkins.teamId })
      .from(checkins)
      .where(
        and(
          eq(checkins.organisationId, organisationId),
          inArray(checkins.id, [...new Set(claimed.map((c) => c.checkinId))]),
        ),
      ),
    tx
      .select({ id: people.id, timeZone: people.timeZone })
      .from(people)
      .where(
        and(
          eq(people.organisationId, organisationId),
          eq(people.active, true),
          inArray(people.id, [...new Set(claimed.map((c) => c.personId))]),
        ),
      ),
  ]);
  const ritualOf = new Map(rituals.map((r) => [r.id, r]));
  const zoneOf = new Map(persons.map((p) => [p.id, p.timeZone]));
  for (const c of claimed) {
    const ritual = ritualOf.get(c.checkinId);
    const zone = zoneOf.get(c.personId);
    if (!ritual || !zone) continue;
    const link = answerLink(c.id);
    await notify(tx, deps, {
      organisationId,
      recipients: [c.personId],
      kind: "checkin.reminder",
      subject: `Reminder: ${ritual.name}: your check-in`,
      body:
        `You have not answered **${ritual.name}** yet. ` +
        `It takes answers until ${theirClock(zone, c.closesAt.getTime())}.`,
      webhookBody: `A check-in of ${ritual.name} is waiting for answers: answer it in Tandem.`,
      link,
      objectRef: { type: "checkin_occurrence", id: c.id },
      teamId: ritual.teamId,
    });
  }
}
