import { and, eq } from "drizzle-orm";
import type { FocusView } from "../../../contracts/calendars";
import type { WeekPattern } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { Actor } from "../../platform/http/actor";
import { assertMayEditPerson, checkedWeekPattern, getPerson } from "../people";
import { focusBlocks } from "./calendars.table";

export async function focusRow(executor: Executor, organisationId: string, personId: string) {
  const [row] = await executor
    .select()
    .from(focusBlocks)
    .where(and(eq(focusBlocks.organisationId, organisationId), eq(focusBlocks.personId, personId)));
  return row;
}

/** Anyone in the organisation sees a person's focus blocks (the slot finder steers around them). */
export async function getFocusBlocks(deps: Deps, actor: Actor, personId: string): Promise<FocusView> {
  const person = await getPerson(deps.db, actor.organisationId, personId);
  const row = await focusRow(deps.db, actor.organisationId, personId);
  return {
    timeZone: person.timeZone,
    week: row?.week ?? {},
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Replaces the weekly focus blocks; who may is who may edit the working pattern. Overlaps → 400. */
export async function setFocusBlocks(
  deps: Deps,
  actor: Actor,
  personId: string,
  body: { week: WeekPattern },
): Promise<FocusView> {
  const person = await getPerson(deps.db, actor.organisationId, personId);
  assertMayEditPerson(actor, personId);
  const week = checkedWeekPattern(body.week);
  const values = { organisationId: actor.organisationId, personId, week, updatedAt: new Date() };
  const [row] = await deps.db
    .insert(focusBlocks)
    .values(values)
    .onConflictDoUpdate({ target: focusBlocks.personId, set: { week, updatedAt: values.updatedAt } })
    .returning();
  return { timeZone: person.timeZone, week: row?.week ?? week, updatedAt: values.updatedAt.toISOString() };
}
