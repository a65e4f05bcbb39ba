import { and, eq, inArray } from "drizzle-orm";
import type { MyAnswerView, OccurrenceView } from "../../../contracts/checkins";
import type { Executor } from "../../platform/db/types";
import type { OccurrenceRow } from "./checkin-access";
import { checkinAnswers, checkins } from "./checkins.table";

type AnswerRow = typeof checkinAnswers.$inferSelect;

/**
 * Occurrences as their own person reads them (`OccurrenceView`): the ritual's name, what was asked,
 * and that person's answers so far. Two queries whatever the number. Only ever called with the
 * viewer's own occurrences: pulse answers are in here, and only their author may read them.
 */
export async function presentOccurrences(
  db: Executor,
  organisationId: string,
  rows: readonly OccurrenceRow[],
): Promise<OccurrenceView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, answers] = await Promise.all([
    db
      .select({ id: checkins.id, name: checkins.name })
      .from(checkins)
      .where(
        and(
          eq(checkins.organisationId, organisationId),
          inArray(checkins.id, [...new Set(rows.map((r) => r.checkinId))]),
        ),
      ),
    db
      .select()
      .from(checkinAnswers)
      .where(
        and(eq(checkinAnswers.organisationId, organisationId), inArray(checkinAnswers.occurrenceId, ids)),
      ),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((row) => ({
    id: row.id,
    checkinId: row.checkinId,
    checkinName: nameOf.get(row.checkinId) ?? "Check-in",
    localDate: row.localDate,
    deliveredAt: row.deliveredAt.toISOString(),
    dueAt: row.closesAt.toISOString(),
    lateAfter: row.lateAfter.toISOString(),
    questions: row.questions,
    answers: answersOf(
      row,
      answers.filter((a) => a.occurrenceId === row.id),
    ),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  }));
}

/** The answers in the order of the questions; a yes/no value (stored 1 or 0) as true or false. */
function answersOf(row: OccurrenceRow, answers: readonly AnswerRow[]): MyAnswerView[] {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  return row.questions.flatMap((question) => {
    const answer = byQuestion.get(question.id);
    if (!answer) return [];
    const value =
      answer.value === null ? null : question.type === "yes_no" ? answer.value === 1 : answer.value;
    return [
      {
        questionId: answer.questionId,
        text: answer.text,
        value,
        unblockerId: answer.unblockerId,
        late: answer.late,
      },
    ];
  });
}
