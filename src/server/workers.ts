import type { Deps } from "./deps";
import { AGREEMENT_REMINDERS_QUEUE, remindOverdueAcknowledgements } from "./modules/agreement";
import {
  REFRESH_CALENDAR_QUEUE,
  REFRESH_DUE_CALENDARS_QUEUE,
  REFRESH_EVERY_MINUTES,
  type RefreshCalendarJob,
  refreshCalendar,
  refreshDueCalendars,
} from "./modules/calendars";
import { deliverEmail, SEND_EMAIL_QUEUE, type SendEmailJob } from "./modules/outbox";

/** Every queue is created at start: pg-boss 10 silently drops jobs sent to a queue that does not exist. */
export const JOB_QUEUES = [
  SEND_EMAIL_QUEUE,
  REFRESH_CALENDAR_QUEUE,
  REFRESH_DUE_CALENDARS_QUEUE,
  AGREEMENT_REMINDERS_QUEUE,
] as const satisfies readonly string[];

export async function registerWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work(SEND_EMAIL_QUEUE, (data) => deliverEmail(deps, data as unknown as SendEmailJob));
  await deps.jobs.work(REFRESH_CALENDAR_QUEUE, (data) =>
    refreshCalendar(deps, data as unknown as RefreshCalendarJob),
  );
  await deps.jobs.work(REFRESH_DUE_CALENDARS_QUEUE, async () => {
    await refreshDueCalendars(deps);
  });
  await deps.jobs.every(REFRESH_DUE_CALENDARS_QUEUE, REFRESH_EVERY_MINUTES);
  await deps.jobs.work(AGREEMENT_REMINDERS_QUEUE, async () => {
    await remindOverdueAcknowledgements(deps);
  });
  await deps.jobs.every(AGREEMENT_REMINDERS_QUEUE, 60);
}
