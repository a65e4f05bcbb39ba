import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { WeekPattern } from "../../../core/time";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

/** A person's imported calendar: an uploaded ICS file, or an ICS URL refreshed by a job. */
export const calendars = pgTable(
  "calendars",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["file", "url"] }).notNull(),
    /** For `url` calendars; never shown back in full (such URLs often carry a secret). */
    url: text("url"),
    eventCount: integer("event_count").notNull().default(0),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    /** Why the last refresh of a URL calendar failed; null after a good one. */
    lastError: text("last_error"),
    /** Failed refreshes in a row (URL calendars); a good refresh resets it. */
    failedRefreshes: integer("failed_refreshes").notNull().default(0),
    /** Set at the third failure in a row: the sweep skips it until its owner retries or edits it. */
    brokenAt: timestamp("broken_at", { withTimezone: true }),
    /** When the periodic sweep last queued a refresh of it: a second sweep soon after leaves it alone. */
    refreshQueuedAt: timestamp("refresh_queued_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("calendars_person_idx").on(t.organisationId, t.personId)],
);

/** Busy time of each calendar inside its horizon, merged: free/busy only, never titles. */
export const busyIntervals = pgTable(
  "busy_intervals",
  {
    /**
     * No foreign key: its check ran once per row (half the time of writing a calendar's busy time).
     * Rows are written only by replaceBusy, after it has updated (and so locked) the calendar row
     * in the same transaction; a calendar's deletion removes its rows by a statement trigger
     * (migration 0024).
     */
    calendarId: uuid("calendar_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id").notNull(),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("busy_intervals_person_idx").on(t.organisationId, t.personId, t.startAt),
    index("busy_intervals_calendar_idx").on(t.calendarId),
  ],
);

/** A person's weekly focus blocks (wall-clock in their zone): slots avoid them, the feed publishes them. */
export const focusBlocks = pgTable("focus_blocks", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id").notNull(),
  week: jsonb("week").$type<WeekPattern>().notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Secret calendar-feed addresses: only the SHA-256 of the secret is kept; rotating revokes. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    secretHash: text("secret_hash").notNull().unique(),
    /**
     * The secret itself, so POST /me/calendar-feed can show the address again (as calendar apps'
     * "secret address" does). It grants read access to focus blocks and rotations only;
     * requests look feeds up by the hash.
     */
    secret: text("secret"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("calendar_feeds_one_active_idx").on(t.personId).where(sql`${t.revokedAt} is null`)],
);
