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
});
export type Rules = z.infer<typeof rulesSchema>;
export type RuleName = keyof Rules;

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

export interface AdviceReason {
  /** A rule name (e.g. "mustBeLive") or a fact: "overlap", "purpose", "urgency". */
  ruleId: RuleName | "overlap" | "purpose" | "urgency";
  text: string;
}

export interface Advice {
  mode: "sync" | "async" | "hybrid";
  reasons: AdviceReason[];
  next: {
    async?: {
      /** The latest of the recipients' own deadlines. */
      replyBy: string;
      workingHours: number;
      /** Everyone asked to reply (the author is not), each with their own deadline; null: never reached. */
      recipients: { personId: string; replyBy: string | null }[];
    };
    sync?: { durationMinutes: number; slots?: { start: string; end: string }[] };
  };
}

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
