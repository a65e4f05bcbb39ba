import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { fetchText, OutboundError } from "../../platform/outbound";
import { getPerson } from "../people";
import { readIcs } from "./calendars.import";
import { replaceBusy } from "./calendars.repo";
import { calendars } from "./calendars.table";

export const REFRESH_CALENDAR_QUEUE = "refresh-calendar";
export const REFRESH_DUE_CALENDARS_QUEUE = "refresh-due-calendars";
/** How often the sweep runs, and how old a URL calendar's last sync may grow before it is refreshed. */
export const REFRESH_EVERY_MINUTES = 30;
const STALE_AFTER_MS = 60 * 60_000;
const FETCH_TIMEOUT_MS = 20_000;

export interface RefreshCalendarJob {
  organisationId: string;
  calendarId: string;
}

/**
 * The refresh-calendar job: fetch a URL calendar (SSRF-guarded, size- and time-bounded), read it,
 * and replace its busy time in one transaction. A failure (refused address, HTTP error, malformed
 * file) is recorded as `lastError` and the previous busy time is kept; the next sweep tries again.
 * Idempotent: running it twice stores the same busy time.
 */
export async function refreshCalendar(deps: Deps, job: RefreshCalendarJob): Promise<void> {
  const where = and(eq(calendars.organisationId, job.organisationId), eq(calendars.id, job.calendarId));
  const [calendar] = await deps.db.select().from(calendars).where(where);
  if (!calendar?.url) return;
  try {
    const person = await getPerson(deps.db, calendar.organisationId, calendar.personId);
    const ics = await fetchText(calendar.url, {
      allowPrivate: deps.config.allowPrivateUrls,
      maxBytes: deps.config.icsMaxBytes,
      timeoutMs: FETCH_TIMEOUT_MS,
      accept: "text/calendar, */*;q=0.5",
    });
    const read = readIcs(deps, ics, person.timeZone);
    await deps.db.transaction((tx) => replaceBusy(tx, calendar, read.busy, read.events));
  } catch (err) {
    if (!(err instanceof OutboundError || err instanceof AppError)) throw err;
    await deps.db
      .update(calendars)
      .set({ lastError: err.message.slice(0, 1000) })
      .where(where);
  }
}

/** The periodic sweep: a refresh job for every URL calendar not synced within the last hour. */
export async function refreshDueCalendars(deps: Deps, now = Date.now()): Promise<number> {
  const due = await deps.db
    .select({ organisationId: calendars.organisationId, calendarId: calendars.id })
    .from(calendars)
    .where(
      and(
        eq(calendars.kind, "url"),
        or(isNull(calendars.lastSyncedAt), lt(calendars.lastSyncedAt, new Date(now - STALE_AFTER_MS))),
      ),
    );
  for (const job of due) await deps.jobs.send(deps.db, REFRESH_CALENDAR_QUEUE, { ...job });
  return due.length;
}
