import { and, eq, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import { defineJob } from "../../platform/job";
import { fetchBytes, OutboundError } from "../../platform/outbound";
import { notify } from "../notifications";
import { getPerson } from "../people";
import { readIcs } from "./calendars.import";
import { busyChangedForInsights } from "./calendars.insights";
import { replaceBusy } from "./calendars.repo";
import { calendars } from "./calendars.table";

/** How often the sweep runs. */
const REFRESH_EVERY_MINUTES = 30;
/** How old a URL calendar's last sync may grow before it is refreshed. */
const STALE_AFTER_MS = 60 * 60_000;
/** A sweep leaves alone a calendar another sweep queued this recently (less than the sweep interval). */
const REQUEUE_AFTER_MS = (REFRESH_EVERY_MINUTES / 2) * 60_000;
const FETCH_TIMEOUT_MS = 20_000;
/** Failed refreshes in a row after which a URL calendar is marked broken and no longer swept. */
export const BREAK_AFTER_FAILURES = 3;

const refreshCalendarPayload = z.object({ organisationId: z.uuid(), calendarId: z.uuid() });
export type RefreshCalendarJob = z.infer<typeof refreshCalendarPayload>;

export const refreshCalendarJob = defineJob({
  name: "refresh-calendar",
  payload: refreshCalendarPayload,
  handle: (deps: Deps, job) => refreshCalendar(deps, job),
});

export const refreshDueCalendarsJob = defineJob({
  name: "refresh-due-calendars",
  payload: z.object({}),
  everyMinutes: REFRESH_EVERY_MINUTES,
  handle: (deps: Deps) => refreshDueCalendars(deps),
});

/**
 * The refresh-calendar job: fetch a URL calendar (SSRF-guarded, size- and time-bounded), read it,
 * and replace its busy time in one transaction. A failure (refused address, HTTP error, malformed
 * file) is recorded as `lastError` and the previous busy time is kept; the next sweep tries again,
 * until BREAK_AFTER_FAILURES in a row mark it broken. A broken calendar is not fetched (a job queued
 * before it broke does nothing). Idempotent: running it twice stores the same busy time.
 */
export async function refreshCalendar(deps: Deps, job: RefreshCalendarJob): Promise<void> {
  const where = and(eq(calendars.organisationId, job.organisationId), eq(calendars.id, job.calendarId));
  const [calendar] = await deps.db.select().from(calendars).where(where);
  if (!calendar?.url || calendar.brokenAt) return;
  try {
    const person = await getPerson(deps.db, calendar.organisationId, calendar.personId);
    // Bytes, moved to the reading thread as they are: the main thread never holds the decoded text.
    const ics = await fetchBytes(calendar.url, {
      allowPrivate: deps.config.allowPrivateUrls,
      maxBytes: deps.config.icsMaxBytes,
      timeoutMs: FETCH_TIMEOUT_MS,
      accept: "text/calendar, */*;q=0.5",
    });
    const read = await readIcs(deps, ics, person.timeZone);
    await deps.db.transaction(async (tx) => {
      await busyChangedForInsights(tx, deps, calendar, read.busy);
      await replaceBusy(tx, calendar, read.busy, read.events);
    });
  } catch (err) {
    if (!(err instanceof OutboundError || err instanceof AppError)) throw err;
    // Every worker busy is not the calendar's fault: the job is retried, and no failure counts.
    if (err instanceof AppError && err.code === "unavailable") throw err;
    await recordFailure(deps, where, err.message);
  }
}

async function recordFailure(deps: Deps, where: SQL | undefined, message: string): Promise<void> {
  const failed = sql`${calendars.failedRefreshes} + 1`;
  await deps.db.transaction(async (tx) => {
    const [calendar] = await tx
      .update(calendars)
      .set({
        lastError: message.slice(0, 1000),
        failedRefreshes: failed,
        brokenAt: sql`case when ${failed} >= ${BREAK_AFTER_FAILURES} then now() else ${calendars.brokenAt} end`,
      })
      .where(where)
      .returning();
    // Its owner hears once, when it stops being refreshed: the failure that broke it.
    if (calendar?.failedRefreshes === BREAK_AFTER_FAILURES) await tellOwnerItBroke(tx, deps, calendar);
  });
}

async function tellOwnerItBroke(tx: Executor, deps: Deps, calendar: typeof calendars.$inferSelect) {
  await notify(tx, deps, {
    organisationId: calendar.organisationId,
    recipients: [calendar.personId],
    kind: "calendar.import_failed",
    subject: `Your calendar “${calendar.name}” could not be read ${BREAK_AFTER_FAILURES} times in a row`,
    body:
      `Tandem stopped refreshing it, so its busy time may be out of date. The last problem: ${calendar.lastError ?? "unknown"}\n\n` +
      "Check its address, then press Retry on the calendar's page.",
    link: `/meetings/calendar/${calendar.id}`,
    objectRef: { type: "calendar", id: calendar.id },
  });
}

/** URL calendars due for a refresh: not broken, and not synced within the last hour. */
export function dueCalendars(deps: Pick<Deps, "db">, now = Date.now()): Promise<RefreshCalendarJob[]> {
  return deps.db
    .select({ organisationId: calendars.organisationId, calendarId: calendars.id })
    .from(calendars)
    .where(dueWhere(now));
}

const dueWhere = (now: number) =>
  and(
    eq(calendars.kind, "url"),
    isNull(calendars.brokenAt),
    or(isNull(calendars.lastSyncedAt), lt(calendars.lastSyncedAt, new Date(now - STALE_AFTER_MS))),
  );

/**
 * The periodic sweep: a refresh job for every calendar due, marked as queued in the same
 * transaction. Idempotent: a calendar queued by a sweep less than REQUEUE_AFTER_MS ago is not
 * queued again (the mark is taken in one UPDATE, so sweeps running at once queue it once).
 */
export async function refreshDueCalendars(deps: Deps, now = Date.now()): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .update(calendars)
      .set({ refreshQueuedAt: new Date(now) })
      .where(
        and(
          dueWhere(now),
          or(
            isNull(calendars.refreshQueuedAt),
            lt(calendars.refreshQueuedAt, new Date(now - REQUEUE_AFTER_MS)),
          ),
        ),
      )
      .returning({ organisationId: calendars.organisationId, calendarId: calendars.id });
    await deps.jobs.sendMany(tx, refreshCalendarJob, due);
    return due.length;
  });
}
