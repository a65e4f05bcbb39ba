import { and, eq } from "drizzle-orm";
import type { Deps } from "../../deps";
import { conflict, notFound } from "../../platform/errors";
import { refreshCalendar } from "./calendars.jobs";
import { type CalendarRow, getCalendar } from "./calendars.repo";
import { calendars } from "./calendars.table";

/** Only subscribed calendars refresh from an address; an uploaded file changes by a new upload. */
export function assertSubscribed(calendar: CalendarRow): void {
  if (calendar.kind !== "url") {
    throw conflict(
      "This calendar is an uploaded file and has no address to fetch; upload a new version instead",
    );
  }
}

/**
 * Refreshes a URL calendar afresh, now (the owner pressed Retry, or gave a new address): the
 * failure count and the broken mark are cleared, then it is fetched while the owner waits, so the
 * answer shows the outcome. A failure counts as the first of a new run of three.
 */
export async function restartRefresh(
  deps: Deps,
  calendar: CalendarRow,
  url: string | undefined = undefined,
): Promise<CalendarRow> {
  const [cleared] = await deps.db
    .update(calendars)
    .set({ failedRefreshes: 0, brokenAt: null, lastError: null, ...(url === undefined ? {} : { url }) })
    .where(and(eq(calendars.organisationId, calendar.organisationId), eq(calendars.id, calendar.id)))
    .returning({ id: calendars.id });
  if (!cleared) throw notFound("Calendar");
  await refreshCalendar(deps, { organisationId: calendar.organisationId, calendarId: calendar.id });
  return getCalendar(deps.db, calendar.organisationId, calendar.personId, calendar.id);
}
