import { and, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Rules } from "../../../contracts/agreement";
import { type Interval, mergeIntervals } from "../../../core/time";
import type { Executor } from "../../platform/db/types";
import { agreementVersions } from "../agreement/agreement.table";
import { absences } from "../people/people.table";

/** The agreement's rules that weigh on a slot: no-meeting days and the daily meeting budget. */
export type SlotRules = Pick<Rules, "noMeetingDays" | "meetingBudget">;

/** The organisation's current agreement rules for slot finding (the defaults' shape if none). */
export async function slotRulesOf(executor: Executor, organisationId: string): Promise<SlotRules | null> {
  const [row] = await executor
    .select({ rules: agreementVersions.rules })
    .from(agreementVersions)
    .where(eq(agreementVersions.organisationId, organisationId))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  return row?.rules ?? null;
}

/** Absences of several people overlapping `window`, merged per person: to say "absent" rather than "busy". */
export async function absencesOf(
  executor: Executor,
  organisationId: string,
  personIds: readonly string[],
  window: Interval,
): Promise<Map<string, Interval[]>> {
  const result = new Map<string, Interval[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return result;
  const rows = await executor
    .select({ personId: absences.personId, start: absences.startAt, end: absences.endAt })
    .from(absences)
    .where(
      and(
        eq(absences.organisationId, organisationId),
        inArray(absences.personId, [...personIds]),
        lt(absences.startAt, new Date(window.end)),
        gt(absences.endAt, new Date(window.start)),
      ),
    );
  for (const r of rows) result.get(r.personId)?.push({ start: r.start.getTime(), end: r.end.getTime() });
  for (const [id, list] of result) result.set(id, mergeIntervals(list));
  return result;
}
