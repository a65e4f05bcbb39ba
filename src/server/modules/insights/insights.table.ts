import { date, index, integer, pgTable, primaryKey, real, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table";
import { people } from "../people/people.table";

/**
 * One person's figures for one week (Monday to Monday in their zone), recomputed when something
 * feeding them changes (`recompute-insights`) and reconciled nightly. Pages read these rows, never the
 * raw meetings, calendars and answers. Null = no data that week (never zero for "nothing asked").
 */
export const insightWeeks = pgTable(
  "insight_weeks",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    meetingHours: real("meeting_hours").notNull(),
    focusHours: real("focus_hours").notNull(),
    fragmentedHours: real("fragmented_hours").notNull(),
    fragmentCount: integer("fragment_count").notNull(),
    afterHoursMeetingHours: real("after_hours_meeting_hours").notNull(),
    burdenPoints: real("burden_points").notNull(),
    replyLatencyHours: real("reply_latency_hours"),
    checkinsDue: integer("checkins_due").notNull(),
    checkinsAnswered: integer("checkins_answered").notNull(),
    pulse: real("pulse"),
    /** Working days whose focus time stayed under the agreement's daily minimum. */
    focusShortDays: integer("focus_short_days").notNull(),
    workingDays: integer("working_days").notNull(),
    /** Meetings this week shared with at least one teammate (disconnection alert). */
    sharedTeamMeetings: integer("shared_team_meetings").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.weekStart] }),
    index("insight_weeks_org_week_idx").on(t.organisationId, t.weekStart),
  ],
);
