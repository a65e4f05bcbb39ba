import { z } from "zod";
import { name, uuid } from "./common";
import { week } from "./people";

/** The schema's own ceiling; the instance's ICS_MAX_BYTES (checked in bytes by the service) is lower. */
const ICS_MAX_CHARS = 100 * 1024 * 1024;
const ics = z.string().min(1, "must not be empty").max(ICS_MAX_CHARS, "is too large");
const url = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => {
    try {
      return ["http:", "https:", "webcal:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "must be an http, https or webcal URL");

/** `{ name, ics }` uploads a file; `{ name, url }` subscribes to a URL. */
export const createCalendarBody = z
  .strictObject({ name, ics: ics.optional(), url: url.optional() })
  .superRefine((body, ctx) => {
    if ((body.ics === undefined) === (body.url === undefined)) {
      ctx.addIssue({ code: "custom", path: ["ics"], message: "give either ics (the file's text) or url" });
    }
  });
export type CreateCalendarBody = z.infer<typeof createCalendarBody>;

export const replaceCalendarBody = z.strictObject({ ics });
export const calendarParams = z.strictObject({ id: uuid, calendarId: uuid });
export const focusBlocksBody = z.strictObject({ week });

export interface CalendarView {
  id: string;
  name: string;
  kind: "file" | "url";
  eventCount: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** For URL calendars: the host only (the full URL often holds a secret). */
  host: string | null;
}
