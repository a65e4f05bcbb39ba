import { z } from "zod";
import { isValidTimeZone } from "./time-zone";

export const uuid = z.uuid({ message: "must be an id (UUID)" });
export const idParams = z.strictObject({ id: uuid });

/** A lone UTF-16 surrogate: what a JSON "\ud800" escape gives, and what no UTF-8 text can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const hasLoneSurrogate = (value: string): boolean => LONE_SURROGATE.test(value);
export const BROKEN_TEXT = "must be well-formed text; it holds a broken character (a lone surrogate)";

/** Every string field starts here, so text that is not well-formed Unicode is a 400 naming the field. */
export const text = () => z.string().refine((value) => !hasLoneSurrogate(value), BROKEN_TEXT);

export const name = text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const email = z
  .email({ message: "must be an email address" })
  .max(254, "must be at most 254 characters")
  .transform((v) => v.toLowerCase());
export const password = text()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");
export const timeZone = text()
  .max(64, "must be at most 64 characters")
  .refine(isValidTimeZone, "must be an IANA time zone such as Europe/London");

/**
 * Years a date or instant may name. PostgreSQL has no year 0 and JavaScript writes years past 9999
 * as "+010000-…", which it refuses; the margin leaves room for the windows, horizons and look-backs
 * added to what a request names (a year, at most, either way).
 */
const MIN_YEAR = 1000;
const MAX_YEAR = 8999;
const inSupportedYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const YEARS_MESSAGE = `must be between the years ${MIN_YEAR} and ${MAX_YEAR}`;

export const localDate = z.iso
  .date({ message: "must be a date YYYY-MM-DD" })
  .refine(inSupportedYears, YEARS_MESSAGE);
export const instant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 instant with offset" })
  .refine(inSupportedYears, YEARS_MESSAGE);

/** Adds an issue at `to` when the window [from, to) is empty or spans more than `maxDays`. */
export function checkWindow(window: { from: string; to: string }, maxDays: number, ctx: z.RefinementCtx) {
  const span = Date.parse(window.to) - Date.parse(window.from);
  if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  if (span > maxDays * 86_400_000)
    ctx.addIssue({ code: "custom", path: ["to"], message: `the window may span at most ${maxDays} days` });
}

export const ROLES = ["owner", "admin", "hr", "manager", "member"] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;
