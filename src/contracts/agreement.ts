import { z } from "zod";
import { instant, text } from "./common";
import { WEEKDAYS } from "./week";

/** The one list of meeting kinds, shared by the agreement, the advisor and (later) meetings. */
export const MEETING_KINDS = [
  "one_to_one",
  "performance_review",
  "conflict",
  "incident",
  "hiring_debrief",
  "decision",
  "brainstorm",
  "planning",
  "standup",
  "status_update",
  "social",
  "announcement",
  "other",
] as const;
export const meetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof meetingKind>;

const hhmm = text().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time HH:MM");
const hours = z.number().min(0, "must not be negative").max(10_000);
const kinds = z.array(meetingKind).max(MEETING_KINDS.length);

export const rulesSchema = z.strictObject({
  mustBeLive: kinds,
  preferAsync: kinds,
  sensitiveIsLive: z.boolean(),
  informIsAsync: z.boolean(),
  replyWithinWorkingHours: z.strictObject({ urgent: hours, normal: hours, low: hours }),
  notificationHours: z.union([z.literal("working_hours"), z.strictObject({ start: hhmm, end: hhmm })]),
  agendaRequiredHoursBefore: hours,
  meetingBudget: z.strictObject({ weeklyHours: hours, dailyHours: hours }),
  noMeetingDays: z.array(z.enum(WEEKDAYS)).max(7),
  focus: z.strictObject({
    minDailyHours: hours.max(24),
    window: z.strictObject({ start: hhmm, end: hhmm }).optional(),
  }),
  maxMeetingMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  maxAttendees: z.number().int().min(1).max(10_000),
  /** A thread with more comments than this between the same few people is stalled (issue 12). */
  escalateAfterComments: z.number().int().min(2).max(1000),
});
export type Rules = z.infer<typeof rulesSchema>;
export type RuleName = keyof Rules;
const RULE_NAMES = Object.keys(rulesSchema.shape) as [RuleName, ...RuleName[]];

/** Rules a team may tighten; notificationHours is organisation-wide only. */
export const teamRulesSchema = rulesSchema.omit({ notificationHours: true }).partial();
export type TeamRules = z.infer<typeof teamRulesSchema>;

export const DEFAULT_RULES: Rules = {
  mustBeLive: ["one_to_one", "performance_review", "conflict", "incident", "hiring_debrief"],
  preferAsync: ["status_update", "announcement"],
  sensitiveIsLive: true,
  informIsAsync: true,
  replyWithinWorkingHours: { urgent: 2, normal: 8, low: 24 },
  notificationHours: "working_hours",
  agendaRequiredHoursBefore: 24,
  meetingBudget: { weeklyHours: 15, dailyHours: 4 },
  noMeetingDays: [],
  focus: { minDailyHours: 2 },
  maxMeetingMinutes: 60,
  maxAttendees: 12,
  escalateAfterComments: 12,
};

export const PURPOSES = ["inform", "discuss", "decide", "brainstorm", "bond", "feedback"] as const;
export const adviceInput = z.strictObject({
  purpose: z.enum(PURPOSES),
  kind: meetingKind.optional(),
  sensitivity: z.enum(["normal", "personal", "confidential"]).optional(),
  urgency: z.enum(["urgent", "normal", "low"]).optional(),
  complexity: z.enum(["low", "medium", "high"]).optional(),
  participantIds: z.array(z.uuid()).min(1, "name at least one participant").max(1000),
  teamId: z.uuid().optional(),
  at: instant.optional(),
});
export type AdviceInput = z.infer<typeof adviceInput>;

/** A rule name (e.g. "mustBeLive") or a fact: "overlap", "purpose", "urgency". */
const reasonId = z.enum([...RULE_NAMES, "overlap", "purpose", "urgency"]);
export const adviceReason = z.object({ ruleId: reasonId, text: z.string() });
export type AdviceReason = z.infer<typeof adviceReason>;

const span = z.object({ start: z.string(), end: z.string() });
export const advice = z.object({
  mode: z.enum(["sync", "async", "hybrid"]),
  reasons: z.array(adviceReason),
  next: z.object({
    async: z
      .object({
        /** The latest of the recipients' own deadlines. */
        replyBy: z.string(),
        workingHours: z.number(),
        /** Everyone asked to reply (the author is not), each with their own deadline; null: never reached. */
        recipients: z.array(z.object({ personId: z.string(), replyBy: z.string().nullable() })),
      })
      .optional(),
    sync: z.object({ durationMinutes: z.number(), slots: z.array(span).optional() }).optional(),
  }),
});
export type Advice = z.infer<typeof advice>;

const sectionSchema = z.strictObject({
  title: text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  body: text().max(50_000, "must be at most 50000 characters"),
});
const changeSummary = text().trim().min(1, "say what changed").max(500, "must be at most 500 characters");

export const publishAgreementBody = z.strictObject({
  rules: rulesSchema.partial(),
  sections: z.array(sectionSchema).max(50).optional(),
  changeSummary,
});
export const publishTeamAgreementBody = z.strictObject({
  rules: teamRulesSchema,
  changeSummary: changeSummary.optional(),
});
export const acknowledgeBody = z.strictObject({ version: z.number().int().min(1) });
// Versions are PostgreSQL integers: a larger n would fail in the database, not as "not found".
export const versionParams = z.strictObject({ n: z.coerce.number().int().min(1).max(2_147_483_647) });
export const agreementQuery = z.strictObject({ teamId: z.uuid().optional() });

// Response shapes (plain objects: the serializer encodes with them, dropping any field not named here).

/** Where each effective rule came from; "team" only when the team's value is strictly stricter. */
export const ruleSource = z.enum(["org", "team"]);
export const ruleSources = z.record(z.enum(RULE_NAMES), ruleSource);
export type RuleSource = z.infer<typeof ruleSource>;
export type RuleSources = z.infer<typeof ruleSources>;

/** A rule whose value differs between two versions, both values in words. */
export const ruleChange = z.object({
  /** The rule's path in `Rules`, e.g. "meetingBudget.weeklyHours". */
  rule: z.string(),
  from: z.string(),
  to: z.string(),
});
export type RuleChange = z.infer<typeof ruleChange>;

/** A line removed or added between two texts (unchanged and blank lines are left out). */
export const lineChange = z.object({ change: z.enum(["added", "removed"]), line: z.string() });
export type LineChange = z.infer<typeof lineChange>;

export const sectionChange = z.object({ title: z.string(), change: z.enum(["added", "edited", "removed"]) });
export type SectionChange = z.infer<typeof sectionChange>;

export const agreementSection = z.object({
  title: z.string(),
  body: z.string(),
  /** Rendered and sanitised by the server. */
  html: z.string(),
});
export type AgreementSection = z.infer<typeof agreementSection>;

const published = {
  version: z.number(),
  changeSummary: z.string(),
  publishedAt: z.string(),
  /** Null once the person who published it has been removed. */
  publishedBy: z.string().nullable(),
};

export const versionSummary = z.object(published);
export type VersionSummary = z.infer<typeof versionSummary>;

export const agreementView = z.object({
  ...published,
  /** Present when the agreement was read for a team (0: the team has no override yet). */
  teamVersion: z.number().optional(),
  // The input schema (strict): stored rules were written through it, so they match it exactly.
  rules: rulesSchema,
  sources: ruleSources,
  sections: z.array(agreementSection),
});
export type AgreementView = z.infer<typeof agreementView>;

/** One version with what changed since the one before it. */
export const versionView = z.object({
  ...published,
  rules: rulesSchema,
  sections: z.array(agreementSection),
  changes: z.object({ rules: z.array(ruleChange), sections: z.array(sectionChange) }),
});
export type VersionView = z.infer<typeof versionView>;

/** What changed since the version the person last acknowledged. */
export const changesSinceAcknowledged = z.object({
  /** The org version they last acknowledged; null when they never did (they read the whole agreement). */
  sinceVersion: z.number().nullable(),
  rules: z.array(ruleChange),
  sections: z.array(sectionChange),
  /** Each of their teams whose override changed since, by what it changes in that team's effective rules. */
  teams: z.array(z.object({ teamId: z.string(), teamName: z.string(), rules: z.array(ruleChange) })),
});
export type ChangesSinceAcknowledged = z.infer<typeof changesSinceAcknowledged>;

export const pendingAgreement = z.object({ version: z.number(), changes: changesSinceAcknowledged });
export type PendingAgreement = z.infer<typeof pendingAgreement>;

export const agreementAcknowledgement = z.object({
  version: z.number(),
  /** teamId → the override version acknowledged with it. */
  teamVersions: z.record(z.string(), z.number()),
  acknowledgedAt: z.string(),
});

/** Who acknowledged the current version (and when), and who has not: the agreement's and each policy's. */
export const complianceView = z.object({
  version: z.number(),
  acknowledged: z.array(z.object({ personId: z.string(), at: z.string() })),
  /** Invited people who have not joined yet are pending with `status: "invited"`. */
  pending: z.array(z.object({ personId: z.string(), status: z.enum(["active", "invited"]) })),
});
export type ComplianceView = z.infer<typeof complianceView>;

export const remindersSent = z.object({ version: z.number(), reminded: z.number() });
/**
 * `POST /agreement/compliance/remind`: urgent reminders arrive at once, even outside someone's hours, and
 * are logged. The body may be left out altogether (a plain reminder): Fastify validates a missing
 * body as null, hence nullish.
 */
export const remindBody = z
  .strictObject({ urgent: z.boolean({ message: "must be true or false" }).optional() })
  .nullish();
