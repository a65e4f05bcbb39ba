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
export const focusBlocksBody = z.strictObject({ week });

export interface CalendarView {
  id: string;
  name: string;
  kind: "file" | "url";
  eventCount: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** Failed refreshes in a row (URL calendars). */
  failedRefreshes: number;
  /** Stopped refreshing after too many failures in a row, until the owner retries or changes the address. */
  broken: boolean;
  /** For URL calendars: the host only (the full URL often holds a secret). */
  host: string | null;
  /**
   * Only in the answer to an upload: events that were left out or cut short while the rest was
   * imported ("Line 14: Event 'Standup': its repeat rule never matches"). Never stored.
   */
  problems?: CalendarProblem[];
}

export interface CalendarProblem {
  line: number | null;
  message: string;
}
