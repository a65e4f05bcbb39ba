import { and, asc, between, eq, sql } from "drizzle-orm";
import type { AnswerFact } from "../../../core/checkins";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { checkinAnswers, checkinOccurrences } from "./checkins.table";

/** A ritual's local dates [from, to] (inclusive), in one organisation. */
export interface RitualWindow {
  organisationId: string;
  checkinId: string;
  from: string;
  to: string;
}

/**
 * The pulse answers of a ritual in a window, as the core's pulse summaries read them. A question is
 * a pulse question when the occurrence asked it as one (its `questions`), so the answers to a pulse
 * question removed from the ritual since still count, and an edit cannot turn them into text.
 * No name is read: nothing here ever puts a person's name beside a pulse value.
 */
export async function pulseAnswersOf(db: Executor, window: RitualWindow): Promise<AnswerFact[]> {
  const rows = await db
    .select({
      questionId: checkinAnswers.questionId,
      personId: checkinAnswers.personId,
      value: checkinAnswers.value,
      late: checkinAnswers.late,
      localDate: checkinOccurrences.localDate,
    })
    .from(checkinAnswers)
    .innerJoin(checkinOccurrences, eq(checkinOccurrences.id, checkinAnswers.occurrenceId))
    .where(
      and(
        eq(checkinOccurrences.organisationId, window.organisationId),
        eq(checkinAnswers.organisationId, window.organisationId),
        eq(checkinOccurrences.checkinId, window.checkinId),
        between(checkinOccurrences.localDate, window.from, window.to),
        sql`${checkinAnswers.value} is not null`,
        sql`exists (select 1 from jsonb_array_elements(${checkinOccurrences.questions}) as asked
                    where asked->>'id' = ${checkinAnswers.questionId}::text and asked->>'type' = 'pulse')`,
      ),
    );
  return rows.map((row) => ({ ...row, personName: "", text: null }));
}

/** One local date of a ritual: how many occurrences were delivered, how many were answered. */
export interface ParticipationRow {
  localDate: string;
  participants: number;
  answered: number;
}

/** An occurrence counts as answered when it holds an answer (whatever was asked). */
const answered = sql`exists (select 1 from ${checkinAnswers} where ${checkinAnswers.occurrenceId} = ${checkinOccurrences.id})`;

/** Per local date in the window, oldest first: occurrences delivered and answered (counts only). */
export async function participationOf(db: Executor, window: RitualWindow): Promise<ParticipationRow[]> {
  const rows = await db
    .select({
      localDate: checkinOccurrences.localDate,
      participants: sql<number>`count(*)::int`,
      answered: sql<number>`count(*) filter (where ${answered})::int`,
    })
    .from(checkinOccurrences)
    .where(
      and(
        eq(checkinOccurrences.organisationId, window.organisationId),
        eq(checkinOccurrences.checkinId, window.checkinId),
        between(checkinOccurrences.localDate, window.from, window.to),
      ),
    )
    .groupBy(checkinOccurrences.localDate)
    .orderBy(asc(checkinOccurrences.localDate));
  return rows.map((row) => ({
    ...row,
    participants: Number(row.participants),
    answered: Number(row.answered),
  }));
}

/** Who was delivered the ritual on `localDate` and has not answered, by name. */
export async function nonRespondentsOf(
  db: Executor,
  ritual: Omit<RitualWindow, "from" | "to">,
  localDate: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: people.id, name: people.name })
    .from(checkinOccurrences)
    .innerJoin(people, eq(people.id, checkinOccurrences.personId))
    .where(
      and(
        eq(checkinOccurrences.organisationId, ritual.organisationId),
        eq(people.organisationId, ritual.organisationId),
        eq(checkinOccurrences.checkinId, ritual.checkinId),
        eq(checkinOccurrences.localDate, localDate),
        sql`not ${answered}`,
      ),
    )
    .orderBy(asc(people.name));
}

/** The home zone of a person: what "today" means for the pages they read. */
export async function zoneOf(
  db: Executor,
  organisationId: string,
  personId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.organisationId, organisationId)));
  return row?.timeZone;
}
