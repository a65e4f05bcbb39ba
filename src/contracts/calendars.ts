import { z } from "zod";
import { name, text, uuid } from "./common";
import { week } from "./people";

/** The schema's own ceiling; the instance's ICS_MAX_BYTES (checked in bytes by the service) is lower. */
const ICS_MAX_CHARS = 100 * 1024 * 1024;
const ics = text().min(1, "must not be empty").max(ICS_MAX_CHARS, "is too large");
const url = text()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => {
    try {
      return ["http:", "https:", "webcal:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "must be an http, https or webcal URL");

function eitherIcsOrUrl(body: { ics?: string | undefined; url?: string | undefined }, ctx: z.RefinementCtx) {
  if ((body.ics === undefined) === (body.url === undefined)) {
    ctx.addIssue({ code: "custom", path: ["ics"], message: "give either ics (the file's text) or url" });
  }
}

/** `{ name, ics }` uploads a file; `{ name, url }` subscribes to a URL. */
export const createCalendarBody = z
  .strictObject({ name, ics: ics.optional(), url: url.optional() })
  .superRefine(eitherIcsOrUrl);
export type CreateCalendarBody = z.infer<typeof createCalendarBody>;

/** `{ ics }`: a new version of an uploaded file. `{ url }`: a new address for a subscribed calendar. */
export const replaceCalendarBody = z
  .strictObject({ ics: ics.optional(), url: url.optional() })
  .superRefine(eitherIcsOrUrl);
export type ReplaceCalendarBody = z.infer<typeof replaceCalendarBody>;
export const calendarParams = z.strictObject({ id: uuid, calendarId: uuid });
/** `POST …/calendars/file?name=Work` with the file itself as a `text/calendar` body. */
export const calendarFileQuery = z.strictObject({ name });
export const focusBlocksBody = z.strictObject({ week });

// Response shapes (plain objects: the serializer encodes with them, dropping any field not named here).

export const calendarProblem = z.object({ line: z.number().nullable(), message: z.string() });
export type CalendarProblem = z.infer<typeof calendarProblem>;

export const calendarView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["file", "url"]),
  eventCount: z.number(),
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Failed refreshes in a row (URL calendars). */
  failedRefreshes: z.number(),
  /** Stopped refreshing after too many failures in a row, until the owner retries or changes the address. */
  broken: z.boolean(),
  /** For URL calendars: the host only (the full URL often holds a secret). */
  host: z.string().nullable(),
  /**
   * Only in the answer to an upload: events that were left out or cut short while the rest was
   * imported ("Line 14: Event 'Standup': its repeat rule never matches"). Never stored.
   */
  problems: z.array(calendarProblem).optional(),
});
export type CalendarView = z.infer<typeof calendarView>;

/** A person's focus blocks: wall-clock spans in `timeZone`, the person's zone. */
export const focusView = z.object({ timeZone: z.string(), week, updatedAt: z.string().nullable() });
export type FocusView = z.infer<typeof focusView>;

/** The calendar feed: its secret address and when it was made. */
export const feedView = z.object({
  /** The secret address: anyone with it can read the feed, until a new one replaces it. */
  url: z.string(),
  createdAt: z.string(),
});
export type FeedView = z.infer<typeof feedView>;

const span = z.object({ start: z.string(), end: z.string() });
/** GET …/busy: the person's busy time in the window (calendars and absences, merged). */
export const busyView = z.object({ busy: z.array(span) });
/** GET …/calendar-busy: each calendar's busy intervals, named by calendar, and the focus blocks. */
export const calendarBusyView = z.object({
  busy: z.array(span.extend({ calendar: z.string() })),
  focus: z.array(span),
});
export type CalendarBusyView = z.infer<typeof calendarBusyView>;
