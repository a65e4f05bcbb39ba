import { and, asc, desc, eq } from "drizzle-orm";
import type { AskedQuestion, DigestView } from "../../../contracts/checkins";
import { may } from "../../../core/access";
import { type AnswerFact, summariseQuestion, type Thresholds } from "../../../core/checkins";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { people } from "../people/people.table";
import { blockersOfOccurrences } from "./blockers.service";
import { type CheckinRow, checkinFor } from "./checkin-access";
import { checkinAnswers, checkinDigests, checkinOccurrences } from "./checkins.table";
import { thresholdsOf } from "./privacy.repo";

/** How many local dates the digest page's picker offers (newest first). */
const DATES_LIMIT = 60;

/**
 * A ritual's digest for one local date (each participant's own date): everyone delivered that day,
 * who answered, each question asked (the union of the occurrences' snapshots, in order) summarised by
 * `summariseQuestion` — pulse only as the thresholded aggregate — and the blockers raised that day.
 * `notAnswered` only with `nonRespondents` (the caller has checked `checkin.readNonRespondents`).
 * Without `localDate`: the latest date with occurrences; with none at all, an empty digest ("" date).
 * `actor` is null for the posting job, which never lists names of those who did not answer.
 */
export async function digestOf(
  db: Executor,
  actor: Actor | null,
  checkin: CheckinRow,
  localDate: string | undefined,
  thresholds: Thresholds,
  options: { nonRespondents: boolean },
): Promise<DigestView> {
  void actor;
  const dates = await datesOf(db, checkin);
  const date = localDate ?? dates[0];
  if (date === undefined) return emptyDigest(checkin, options);
  const where = and(
    eq(checkinOccurrences.organisationId, checkin.organisationId),
    eq(checkinOccurrences.checkinId, checkin.id),
    eq(checkinOccurrences.localDate, date),
  );
  // One query after another: on a transaction (the posting job's) they share one connection.
  const occurrences = await db
    .select({
      id: checkinOccurrences.id,
      answeredAt: checkinOccurrences.answeredAt,
      questions: checkinOccurrences.questions,
      person: { id: people.id, name: people.name },
    })
    .from(checkinOccurrences)
    .innerJoin(people, eq(people.id, checkinOccurrences.personId))
    .where(where)
    .orderBy(asc(people.name), asc(people.id));
  const answers = await answersOf(db, where);
  const [posted] = await db
    .select({ updateId: checkinDigests.updateId })
    .from(checkinDigests)
    .where(and(eq(checkinDigests.checkinId, checkin.id), eq(checkinDigests.localDate, date)));
  const questions = askedOn(occurrences.map((o) => o.questions));
  const blockers = await blockersOfOccurrences(
    db,
    checkin.organisationId,
    occurrences.map((o) => o.id),
  );
  return {
    checkinId: checkin.id,
    checkinName: checkin.name,
    localDate: date,
    closed: posted !== undefined,
    updateId: posted?.updateId ?? null,
    participants: occurrences.length,
    answered: occurrences.filter((o) => o.answeredAt !== null).length,
    questions: questions.map((q) =>
      summariseQuestion(
        q,
        answers.filter((a) => a.questionId === q.id),
        thresholds,
      ),
    ),
    blockers,
    ...(options.nonRespondents
      ? { notAnswered: occurrences.filter((o) => o.answeredAt === null).map((o) => o.person) }
      : {}),
    dates,
  };
}

/** Nothing delivered yet: no date, nobody, nothing to sum up. */
function emptyDigest(checkin: CheckinRow, options: { nonRespondents: boolean }): DigestView {
  return {
    checkinId: checkin.id,
    checkinName: checkin.name,
    localDate: "",
    closed: false,
    updateId: null,
    participants: 0,
    answered: 0,
    questions: [],
    blockers: [],
    ...(options.nonRespondents ? { notAnswered: [] } : {}),
    dates: [],
  };
}

/** The local dates the ritual has occurrences on, newest first. */
async function datesOf(db: Executor, checkin: CheckinRow): Promise<string[]> {
  const rows = await db
    .selectDistinct({ localDate: checkinOccurrences.localDate })
    .from(checkinOccurrences)
    .where(
      and(
        eq(checkinOccurrences.organisationId, checkin.organisationId),
        eq(checkinOccurrences.checkinId, checkin.id),
      ),
    )
    .orderBy(desc(checkinOccurrences.localDate))
    .limit(DATES_LIMIT);
  return rows.map((r) => r.localDate);
}

/** Every answer given in the occurrences `where` picks, with its author's name and local date. */
async function answersOf(db: Executor, where: ReturnType<typeof and>): Promise<AnswerFact[]> {
  const rows = await db
    .select({
      questionId: checkinAnswers.questionId,
      personId: checkinAnswers.personId,
      personName: people.name,
      text: checkinAnswers.text,
      value: checkinAnswers.value,
      late: checkinAnswers.late,
      localDate: checkinOccurrences.localDate,
    })
    .from(checkinAnswers)
    .innerJoin(checkinOccurrences, eq(checkinOccurrences.id, checkinAnswers.occurrenceId))
    .innerJoin(people, eq(people.id, checkinAnswers.personId))
    .where(where)
    .orderBy(asc(checkinAnswers.answeredAt), asc(people.name));
  return rows;
}

/** The questions asked that day: each once (by id), in the order the occurrences asked them. */
function askedOn(snapshots: readonly AskedQuestion[][]): AskedQuestion[] {
  const byId = new Map<string, AskedQuestion>();
  for (const snapshot of snapshots) for (const q of snapshot) if (!byId.has(q.id)) byId.set(q.id, q);
  return [...byId.values()];
}

/**
 * GET /checkins/:id/digest: for the ritual's participants, its team's leads and its owner (others 403,
 * or 404 when they may not see the ritual at all). Who has not answered only for those who run it.
 */
export async function getDigest(
  deps: Deps,
  actor: Actor,
  checkinId: string,
  localDate: string | undefined,
): Promise<DigestView> {
  const { checkin, facts } = await checkinFor(deps.db, actor, checkinId, "checkin.readDigest");
  const thresholds = await thresholdsOf(deps.db, actor.organisationId);
  const nonRespondents = may(actor, "checkin.readNonRespondents", {
    leadOf: facts.leadOf,
    authorOf: facts.authorOf,
  });
  return digestOf(deps.db, actor, checkin, localDate, thresholds, { nonRespondents });
}
