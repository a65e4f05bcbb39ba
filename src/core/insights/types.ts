import type { AlertKind, AuditSuggestion } from "../../contracts/insights";
import type { Interval } from "../time";

/** Everything one person-week's figures are computed from, gathered by the insights module. */
export interface PersonWeekInput {
  timeZone: string;
  /** Monday (`YYYY-MM-DD`) of the week in `timeZone`; the week is its Monday 00:00 → next Monday 00:00. */
  weekStart: string;
  /** Working intervals touching the week (absences already removed), any order. */
  working: readonly Interval[];
  /** Tandem meetings the person attends and did not decline (or follow async), plus imported busy time. */
  meetings: readonly Interval[];
  /** How many of those meetings had at least one teammate attending too (not declined). */
  sharedTeamMeetings: number;
  /** Ledger points of slots inside the week. */
  burdenPoints: number;
  /** Each time the person was asked (required responder, mention, blocker) and answered inside the week. */
  replies: readonly { askedAt: number; answeredAt: number }[];
  /** Check-in occurrences delivered to the person in the week, and how many they answered. */
  checkinsDue: number;
  checkinsAnswered: number;
  /** The person's own pulse answers (1–5) in the week. */
  pulseAnswers: readonly number[];
  /** The agreement's `focus.minDailyHours` for the person (focus deficit days). */
  minDailyFocusHours: number;
}

/** One person-week's figures, as stored in `insight_weeks` (hours rounded to 2 places). */
export interface PersonWeek {
  weekStart: string;
  meetingHours: number;
  focusHours: number;
  fragmentedHours: number;
  fragmentCount: number;
  afterHoursMeetingHours: number;
  burdenPoints: number;
  replyLatencyHours: number | null;
  checkinsDue: number;
  checkinsAnswered: number;
  /** Mean of the person's own pulse answers in the week, 2 places; null without an answer. */
  pulse: number | null;
  /** Working days (local dates of the week with any working time) whose focus stayed under the minimum. */
  focusShortDays: number;
  /** Local dates of the week with any working time. */
  workingDays: number;
  sharedTeamMeetings: number;
}

/** A person's own alert: why in a sentence, and the next step. */
export interface Alert {
  kind: AlertKind;
  text: string;
  nextStep: string;
  since: string;
}

/** What the alerts measure a person's weeks against. */
export interface AlertContext {
  /** The agreement's `meetingBudget.weeklyHours`. */
  weeklyBudgetHours: number;
  /** The agreement's `focus.minDailyHours`. */
  minDailyFocusHours: number;
  /**
   * The person's share of their team's ledger points over the last 8 weeks and the team's size
   * (largest team when several); absent when the person has no team.
   */
  teamBurden?: { personPoints: number; teamPoints: number; teamSize: number };
}

/** A named group of people whose aggregates a viewer may see. */
export interface Group {
  key: string;
  label: string;
  members: readonly string[];
}

/** One recurring series' figures over the audit window, for the suggestion. */
export interface SeriesFacts {
  title: string;
  durationMinutes: number;
  /** Held occurrences that were completed: what `noOutcomeShare` is a share of. */
  completed: number;
  monthlyPersonHours: number;
  /** Average of 1–5 ratings; undefined under 3 ratings. */
  ratingAverage?: number;
  couldBeAsyncShare?: number;
  declineShare: number;
  followAsyncShare: number;
  /** Share of its completed occurrences that ended with no decision, action item or covered agenda item. */
  noOutcomeShare: number;
  /** How many ratings `ratingAverage` and `couldBeAsyncShare` are over ("3 of 5 ratings …"). */
  ratingCount?: number;
  /** Invitations (attendee × occurrence) `declineShare` and `followAsyncShare` are over. */
  invitations?: number;
}

export interface AuditVerdict {
  suggestion: AuditSuggestion;
  reasons: string[];
}
