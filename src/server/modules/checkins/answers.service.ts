import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { AnswerBody, AskedQuestion, OccurrenceView } from "../../../contracts/checkins";
import { may } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError, conflict, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { people } from "../people";
import { raiseBlocker } from "./blockers.service";
import type { OccurrenceRow } from "./checkin-access";
import { checkinsChangedForInsights } from "./checkins.insights";
import { checkinAnswers, checkinOccurrences, checkins } from "./checkins.table";
import { theirClock } from "./delivery.service";
import { presentOccurrences } from "./occurrences.present";

const o = checkinOccurrences;
type Answer = AnswerBody["answers"][number];

/**
 * The one door to an occurrence: one of the actor's own, in their organisation, else 404 "Check-in
 * not found" — to everyone else whatever their role (owners, admins and HR included): an occurrence
 * holds its person's pulse answers, which only they read (`pulse.readIndividualAnswer`, `self`).
 */
export async function occurrenceFor(
  db: Executor,
  actor: Actor,
  occurrenceId: string,
  options: { forUpdate?: boolean } = {},
): Promise<OccurrenceRow> {
  const query = db
    .select()
    .from(o)
    .where(and(eq(o.id, occurrenceId), eq(o.organisationId, actor.organisationId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  const self = row?.personId === actor.personId;
  if (!row || !may(actor, "pulse.readIndividualAnswer", { self })) throw notFound("Check-in");
  return row;
}

/** `GET /checkins/due`: my occurrences still taking answers, oldest first, with my answers so far. */
export async function myDueOccurrences(deps: Deps, actor: Actor): Promise<OccurrenceView[]> {
  const rows = await deps.db
    .select()
    .from(o)
    .where(
      and(
        eq(o.organisationId, actor.organisationId),
        eq(o.personId, actor.personId),
        gt(o.closesAt, deps.clock.now()),
      ),
    )
    .orderBy(asc(o.deliveredAt), asc(o.id));
  return presentOccurrences(deps.db, actor.organisationId, rows);
}

/** `GET /checkin-occurrences/:id`: one of my own occurrences. */
export async function myOccurrence(deps: Deps, actor: Actor, occurrenceId: string): Promise<OccurrenceView> {
  const row = await occurrenceFor(deps.db, actor, occurrenceId);
  const [view] = await presentOccurrences(deps.db, actor.organisationId, [row]);
  if (!view) throw notFound("Check-in");
  return view;
}

/**
 * `POST /checkin-occurrences/:id/answers`: answers (some or all) of my own occurrence while its window
 * is open (409 after). Each answer replaces that question's earlier one and leaves the others; it is
 * late after `late_after`. Blocker answers are raised (`raiseBlocker`: routed to the person named).
 * Every answer is checked before anything is written, and all is one transaction: a bad one (400,
 * naming the question by its position and prompt) leaves nothing written.
 */
export async function answerOccurrence(
  deps: Deps,
  actor: Actor,
  occurrenceId: string,
  body: AnswerBody,
): Promise<OccurrenceView> {
  const row = await deps.db.transaction(async (tx) => {
    const occurrence = await occurrenceFor(tx, actor, occurrenceId, { forUpdate: true });
    const now = deps.clock.now();
    if (now >= occurrence.closesAt) throw await closed(tx, actor, occurrence);
    const checked = checkAnswers(occurrence.questions, body.answers);
    await checkUnblockers(tx, actor, checked);
    const late = now > occurrence.lateAfter;
    for (const { answer } of checked) {
      const values = {
        text: answer.text ?? null,
        value: typeof answer.value === "boolean" ? (answer.value ? 1 : 0) : (answer.value ?? null),
        unblockerId: answer.unblockerId ?? null,
        answeredAt: now,
        late,
      };
      await tx
        .insert(checkinAnswers)
        .values({
          occurrenceId: occurrence.id,
          organisationId: occurrence.organisationId,
          questionId: answer.questionId,
          personId: actor.personId,
          ...values,
        })
        .onConflictDoUpdate({
          target: [checkinAnswers.occurrenceId, checkinAnswers.questionId],
          set: values,
        });
    }
    const [updated] = await tx
      .update(o)
      .set({ answeredAt: sql`coalesce(${o.answeredAt}, ${now})` })
      .where(eq(o.id, occurrence.id))
      .returning();
    const span = { from: occurrence.deliveredAt, to: now };
    await checkinsChangedForInsights(tx, deps, occurrence.organisationId, actor.personId, span);
    const blockers = checked.filter((c) => c.question.type === "blocker" && c.answer.text);
    if (blockers.length > 0) {
      const [checkin] = await tx
        .select()
        .from(checkins)
        .where(and(eq(checkins.id, occurrence.checkinId), eq(checkins.organisationId, actor.organisationId)));
      if (!checkin) throw notFound("Check-in");
      for (const { answer } of blockers)
        await raiseBlocker(tx, deps, {
          occurrence: updated ?? occurrence,
          checkin,
          questionId: answer.questionId,
          authorId: actor.personId,
          text: answer.text ?? "",
          unblockerId: answer.unblockerId ?? null,
          urgent: answer.urgent ?? false,
        });
    }
    return updated ?? occurrence;
  });
  const [view] = await presentOccurrences(deps.db, actor.organisationId, [row]);
  if (!view) throw notFound("Check-in");
  return view;
}

/** 409: the window has closed; the time it closed on the person's own clock. */
async function closed(tx: Executor, actor: Actor, occurrence: OccurrenceRow): Promise<AppError> {
  const [person] = await tx
    .select({ timeZone: people.timeZone })
    .from(people)
    .where(and(eq(people.id, actor.personId), eq(people.organisationId, actor.organisationId)));
  const when = theirClock(person?.timeZone ?? "UTC", occurrence.closesAt.getTime());
  return conflict(`This check-in closed at ${when}; answers are no longer taken`, {
    closesAt: occurrence.closesAt.toISOString(),
  });
}

interface Checked {
  /** Its position among the answers sent, for the field path. */
  index: number;
  /** The question's position in the occurrence (from 1), as people count them. */
  position: number;
  answer: Answer;
  question: AskedQuestion;
}

/** 400 for one answer: "Question 2 (Anything blocking you?): needs a number from 1 to 5". */
function badAnswer(index: number, field: string, position: number, question: AskedQuestion, problem: string) {
  const message = `Question ${position} (${question.prompt}): ${problem}`;
  return new AppError("validation_failed", message, {
    fields: [{ path: `answers[${index}].${field}`, message }],
  });
}

/** Each answer against the question it answers: one of this occurrence's, the kind of value its type takes. */
function checkAnswers(questions: readonly AskedQuestion[], answers: readonly Answer[]): Checked[] {
  const seen = new Set<string>();
  return answers.map((answer, index) => {
    const position = questions.findIndex((q) => q.id === answer.questionId) + 1;
    const question = questions[position - 1];
    if (!question) {
      const message = `Answer ${index + 1}: ${answer.questionId} is not a question of this check-in`;
      throw new AppError("validation_failed", message, {
        fields: [{ path: `answers[${index}].questionId`, message }],
      });
    }
    const bad = (field: string, problem: string) => badAnswer(index, field, position, question, problem);
    if (seen.has(question.id)) throw bad("questionId", "is answered twice; send one answer for it");
    seen.add(question.id);
    const problem = valueProblem(question, answer);
    if (problem) throw bad(problem.field, problem.text);
    return { index, position, answer, question };
  });
}

/** What is wrong with an answer's value for its question's type, if anything. */
function valueProblem(question: AskedQuestion, answer: Answer): { field: string; text: string } | null {
  const { value, text } = answer;
  if (question.type !== "blocker" && answer.unblockerId !== undefined)
    return { field: "unblockerId", text: "only a blocker question names someone who can unblock" };
  if (question.type !== "blocker" && answer.urgent !== undefined)
    return { field: "urgent", text: "only a blocker question can be urgent" };
  switch (question.type) {
    case "scale":
    case "pulse":
      if (typeof value !== "number" || value < 1 || value > 5)
        return { field: "value", text: "needs a number from 1 to 5" };
      return null;
    case "yes_no":
      if (typeof value !== "boolean") return { field: "value", text: "needs yes or no (true or false)" };
      if (text !== undefined) return { field: "text", text: "takes yes or no, not text" };
      return null;
    case "text":
    case "blocker":
      if (value !== undefined) return { field: "value", text: "takes text, not a number or yes/no" };
      if (!text) return { field: "text", text: "needs some text" };
      return null;
  }
}

/** A blocker's unblocker must be an active person of the organisation, and not its author. */
async function checkUnblockers(tx: Executor, actor: Actor, checked: readonly Checked[]) {
  for (const { index, position, answer, question } of checked) {
    if (!answer.unblockerId) continue;
    const bad = (problem: string) => badAnswer(index, "unblockerId", position, question, problem);
    if (answer.unblockerId === actor.personId)
      throw bad("name someone else who can unblock you, not yourself");
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.id, answer.unblockerId),
          eq(people.organisationId, actor.organisationId),
          eq(people.active, true),
        ),
      );
    if (!person) throw bad("the person named to unblock you is not an active person of your organisation");
  }
}
