import { and, eq, sql } from "drizzle-orm";
import { insightsChangedJob } from "../../../contracts/insights";
import type { Interval } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import type { CalendarRow } from "./calendars.repo";
import { busyIntervals } from "./calendars.table";

/**
 * Tells insights that a calendar's busy time is about to be replaced by `busy` (call it in the same
 * transaction, before `replaceBusy`): the owner's weeks from the earliest to the latest busy time,
 * old or new, are recomputed. Nothing is sent when the calendar had and gets no busy time.
 */
export async function busyChangedForInsights(
  tx: Executor,
  deps: Pick<Deps, "jobs">,
  calendar: Pick<CalendarRow, "id" | "organisationId" | "personId">,
  busy: readonly Interval[],
): Promise<void> {
  const [old] = await tx
    .select({
      from: sql<Date | string | null>`min(${busyIntervals.startAt})`,
      to: sql<Date | string | null>`max(${busyIntervals.endAt})`,
    })
    .from(busyIntervals)
    .where(
      and(
        eq(busyIntervals.organisationId, calendar.organisationId),
        eq(busyIntervals.calendarId, calendar.id),
      ),
    );
  const starts = busy.map((b) => b.start);
  const ends = busy.map((b) => b.end);
  if (old?.from && old.to) {
    starts.push(new Date(old.from).getTime());
    ends.push(new Date(old.to).getTime());
  }
  if (starts.length === 0) return;
  await deps.jobs.send(tx, insightsChangedJob, {
    organisationId: calendar.organisationId,
    personIds: [calendar.personId],
    from: new Date(starts.reduce((a, b) => Math.min(a, b))).toISOString(),
    to: new Date(ends.reduce((a, b) => Math.max(a, b))).toISOString(),
  });
}
