import { asc, inArray } from "drizzle-orm";
import type { QuestionView } from "../../../contracts/checkins";
import type { Executor } from "../../platform/db/types";
import { checkinQuestions } from "./checkins.table";

/** The questions of each ritual, in order (by `position`), as the contract shows them. */
export async function questionsOf(
  db: Executor,
  checkinIds: readonly string[],
): Promise<Map<string, QuestionView[]>> {
  const byCheckin = new Map<string, QuestionView[]>(checkinIds.map((id) => [id, []]));
  if (checkinIds.length === 0) return byCheckin;
  const rows = await db
    .select()
    .from(checkinQuestions)
    .where(inArray(checkinQuestions.checkinId, [...checkinIds]))
    .orderBy(asc(checkinQuestions.checkinId), asc(checkinQuestions.position));
  for (const row of rows)
    byCheckin.get(row.checkinId)?.push({
      id: row.id,
      type: row.type,
      prompt: row.prompt,
      options: row.options,
      unblockerPrompt: row.unblockerPrompt,
      rotatingPrompts: row.rotatingPrompts,
      position: row.position,
    });
  return byCheckin;
}
