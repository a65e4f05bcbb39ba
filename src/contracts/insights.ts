import { z } from "zod";
import { localDate, uuid } from "./common";

/**
 * Balance insights (issue 16): weekly figures per person, kept as rollups (`insight_weeks`) that a
 * change recomputes for the affected person-weeks. A person's own figures are theirs alone; teams
 * and the organisation see medians and 75th percentiles only over groups of at least the
 * organisation's minimum group size, and never two groups that differ by fewer people than that.
 * What each figure means is written once, in `core/insights/definitions.ts`.
 */

/** The weekly figures, in the order pages show them. Optional ones are absent, never zero, without data. */
export const INSIGHT_METRICS = [
  "meetingHours",
  "focusHours",
  "fragmentedHours",
  "afterHoursMeetingHours",
  "burdenPoints",
  "replyLatencyHours",
  "checkinParticipation",
  "pulse",
] as const;
export type InsightMetric = (typeof INSIGHT_METRICS)[number];
/** Figures a week may lack (no question asked, no check-in due, no pulse answered). */
export const OPTIONAL_METRICS = ["replyLatencyHours", "checkinParticipation", "pulse"] as const;

export const ALERT_KINDS = [
  "overload",
  "focus_deficit",
  "after_hours_creep",
  "disconnection",
  "unfair_burden",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const GROUP_BY = ["team", "timeZone"] as const;
export const AUDIT_SUGGESTIONS = ["keep", "shorten", "make_async", "end"] as const;
export type AuditSuggestion = (typeof AUDIT_SUGGESTIONS)[number];

/** How far one request may look: a year and a week. */
export const MAX_INSIGHT_DAYS = 371;
/** Weeks shown when `from` is left out. */
export const DEFAULT_INSIGHT_WEEKS = 12;

const period = {
  /** A date in the first week (weeks start on Monday); default: 12 weeks before `to`. */
  from: localDate.optional(),
  /** A date in the last week; default: today in the viewer's zone. */
  to: localDate.optional(),
};
const checkPeriod = (q: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.to < q.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
  if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > MAX_INSIGHT_DAYS * 86_400_000)
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `may be at most ${MAX_INSIGHT_DAYS} days after from`,
    });
};

export const insightsQuery = z.strictObject(period).superRefine(checkPeriod);
export const teamInsightsParams = z.strictObject({ id: uuid });
export const organisationInsightsQuery = z
  .strictObject({
    ...period,
    groupBy: z.enum(GROUP_BY, { message: "must be team or timeZone" }).default("team"),
    /** Only this team's people (its time zones, with groupBy=timeZone). */
    teamId: uuid.optional(),
  })
  .superRefine(checkPeriod);
export const agreementEffectQuery = z
  .strictObject({
    /** The team whose aggregates are compared; the whole organisation when left out (HR and admins). */
    teamId: uuid.optional(),
    /** Whose version: the organisation's agreement (default) or the team's own override (needs teamId). */
    of: z.enum(["organisation", "team"], { message: "must be organisation or team" }).default("organisation"),
    /** The version whose publication is the turning point (the one before it is what changed from). */
    version: z.coerce.number({ message: "must be a version number" }).int().min(1, "must be 1 or later"),
    weeks: z.coerce.number({ message: "must be a number of weeks" }).int().min(1).max(26).default(4),
  })
  .refine((q) => q.of === "organisation" || q.teamId !== undefined, {
    path: ["teamId"],
    message: "is needed for a team's own agreement version",
  });
export const meetingAuditQuery = z.strictObject({ teamId: uuid.optional() });

/** The job other modules send when something that feeds insights changed (its handler lives in insights). */
export const insightsChangedJob = {
  name: "recompute-insights",
  payload: z.object({
    organisationId: z.string(),
    personIds: z.array(z.string()).min(1),
    /** The changed span (ISO instants): every local week of each person it touches is recomputed. */
    from: z.string(),
    to: z.string(),
  }),
};
export type InsightsChanged = z.infer<typeof insightsChangedJob.payload>;

export const personWeekView = z.object({
  /** Monday of the week, in the person's zone. */
  weekStart: z.string(),
  meetingHours: z.number(),
  focusHours: z.number(),
  fragmentedHours: z.number(),
  /** How many free pieces shorter than an hour the working week was cut into. */
  fragmentCount: z.number(),
  afterHoursMeetingHours: z.number(),
  burdenPoints: z.number(),
  replyLatencyHours: z.number().optional(),
  checkinParticipation: z.number().optional(),
  pulse: z.number().optional(),
  /** Working days whose focus time stayed under the agreement's daily minimum. */
  focusShortDays: z.number(),
});
export type PersonWeekView = z.infer<typeof personWeekView>;

export const alertView = z.object({
  kind: z.enum(ALERT_KINDS),
  /** Why, in a sentence. */
  text: z.string(),
  /** What to do next, in a sentence. */
  nextStep: z.string(),
  /** The first week (Monday) of the run that raised it. */
  since: z.string(),
});
export type AlertView = z.infer<typeof alertView>;

export const myInsightsView = z.object({
  timeZone: z.string(),
  /** The agreement's figures the alerts and Home's card measure against. */
  budget: z.object({ weeklyMeetingHours: z.number(), minDailyFocusHours: z.number() }),
  weeks: z.array(personWeekView),
  alerts: z.array(alertView),
});
export type MyInsightsView = z.infer<typeof myInsightsView>;

export const stat = z.object({ median: z.number(), p75: z.number() });
export type Stat = z.infer<typeof stat>;

/** Medians and 75th percentiles over a group's person-weeks; an optional figure only with enough people. */
export const groupStats = z.object({
  people: z.number(),
  meetingHours: stat,
  focusHours: stat,
  fragmentedHours: stat,
  afterHoursMeetingHours: stat,
  burdenPoints: stat,
  replyLatencyHours: stat.optional(),
  checkinParticipation: stat.optional(),
  pulse: stat.optional(),
  /** People per bucket of weekly meeting hours: under 5, 5–10, 10–15, 15–20, 20 and over. */
  meetingHoursDistribution: z.array(z.number()).length(5),
});
export type GroupStats = z.infer<typeof groupStats>;

export const teamWeekView = groupStats.extend({ weekStart: z.string() });
export type TeamWeekView = z.infer<typeof teamWeekView>;

export const teamInsightsView = z.object({
  team: z.object({ id: z.string(), name: z.string(), people: z.number() }),
  minGroupSize: z.number(),
  suppressed: z.boolean(),
  weeks: z.array(teamWeekView).optional(),
  /** How many people have each kind of alert (only when the team is at or above the minimum). */
  alerts: z.array(z.object({ kind: z.enum(ALERT_KINDS), count: z.number() })).optional(),
});
export type TeamInsightsView = z.infer<typeof teamInsightsView>;

export const organisationGroupView = groupStats.partial().extend({
  key: z.string(),
  label: z.string(),
  people: z.number(),
  suppressed: z.boolean(),
});
export type OrganisationGroupView = z.infer<typeof organisationGroupView>;

export const organisationInsightsView = z.object({
  groupBy: z.enum(GROUP_BY),
  from: z.string(),
  to: z.string(),
  minGroupSize: z.number(),
  groups: z.array(organisationGroupView),
});
export type OrganisationInsightsView = z.infer<typeof organisationInsightsView>;

export const periodStats = groupStats.partial().extend({
  from: z.string(),
  to: z.string(),
  people: z.number(),
});
export type PeriodStats = z.infer<typeof periodStats>;

export const agreementEffectView = z.object({
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  of: z.enum(["organisation", "team"]),
  version: z.number(),
  effectiveFrom: z.string(),
  weeks: z.number(),
  minGroupSize: z.number(),
  suppressed: z.boolean(),
  before: periodStats.optional(),
  after: periodStats.optional(),
  /** Each changed rule with the figure it is meant to move: "No-meeting days: median focus hours 6.5 → 9.0". */
  changeSummary: z.array(z.string()),
});
export type AgreementEffectView = z.infer<typeof agreementEffectView>;

export const meetingAuditSeriesView = z.object({
  seriesId: z.string(),
  title: z.string(),
  frequency: z.string(),
  organiser: z.object({ id: z.string(), name: z.string() }),
  /** Person-hours a month: attendees who did not decline × length, over the last 90 days. */
  monthlyPersonHours: z.number(),
  /** Only from 3 ratings (as a meeting's own rating). */
  ratingAverage: z.number().optional(),
  couldBeAsyncShare: z.number().optional(),
  declineShare: z.number(),
  followAsyncShare: z.number(),
  suggestion: z.enum(AUDIT_SUGGESTIONS),
  reasons: z.array(z.string()),
});
export type MeetingAuditSeriesView = z.infer<typeof meetingAuditSeriesView>;

export const meetingAuditView = z.object({ series: z.array(meetingAuditSeriesView) });
export type MeetingAuditView = z.infer<typeof meetingAuditView>;
