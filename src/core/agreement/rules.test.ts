import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, type RuleName, type Rules, type TeamRules } from "../../contracts/agreement";
import { effectiveRules, loosenedRules, type RuleSources } from "./rules";

const org = (overrides: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...overrides });
const { notificationHours: _orgOnly, ...orgAsTeam } = DEFAULT_RULES;
const allOrg = Object.fromEntries(Object.keys(DEFAULT_RULES).map((name) => [name, "org"])) as RuleSources;

describe("effectiveRules", () => {
  const rows: {
    name: string;
    org?: Partial<Rules>;
    team: TeamRules;
    rules: Partial<Rules>;
    team_sources: RuleName[];
  }[] = [
    { name: "no team override", team: {}, rules: {}, team_sources: [] },
    {
      name: "a team adding a must-be-live kind (union)",
      team: { mustBeLive: ["decision"] },
      rules: { mustBeLive: [...DEFAULT_RULES.mustBeLive, "decision"] },
      team_sources: ["mustBeLive"],
    },
    {
      name: "a team listing only some of the org's kinds (union keeps them all)",
      team: { mustBeLive: ["incident"], preferAsync: ["status_update"] },
      rules: {},
      team_sources: [],
    },
    {
      name: "a team adding a no-meeting day and a prefer-async kind",
      team: { noMeetingDays: ["wed"], preferAsync: ["standup"] },
      rules: { noMeetingDays: ["wed"], preferAsync: ["status_update", "announcement", "standup"] },
      team_sources: ["noMeetingDays", "preferAsync"],
    },
    {
      name: "lower reply hours, budgets, length and attendees (minimum)",
      team: {
        replyWithinWorkingHours: { urgent: 1, normal: 8, low: 16 },
        meetingBudget: { weeklyHours: 10, dailyHours: 4 },
        maxMeetingMinutes: 45,
        maxAttendees: 8,
      },
      rules: {
        replyWithinWorkingHours: { urgent: 1, normal: 8, low: 16 },
        meetingBudget: { weeklyHours: 10, dailyHours: 4 },
        maxMeetingMinutes: 45,
        maxAttendees: 8,
      },
      team_sources: ["replyWithinWorkingHours", "meetingBudget", "maxMeetingMinutes", "maxAttendees"],
    },
    {
      name: "higher looser numbers are ignored, part by part",
      team: {
        replyWithinWorkingHours: { urgent: 4, normal: 6, low: 48 },
        meetingBudget: { weeklyHours: 20, dailyHours: 6 },
        maxMeetingMinutes: 90,
        maxAttendees: 30,
      },
      rules: { replyWithinWorkingHours: { urgent: 2, normal: 6, low: 24 } },
      team_sources: ["replyWithinWorkingHours"],
    },
    {
      name: "more agenda notice and focus time (maximum)",
      team: { agendaRequiredHoursBefore: 48, focus: { minDailyHours: 3 } },
      rules: { agendaRequiredHoursBefore: 48, focus: { minDailyHours: 3 } },
      team_sources: ["agendaRequiredHoursBefore", "focus"],
    },
    {
      name: "less agenda notice and focus time are ignored",
      team: { agendaRequiredHoursBefore: 4, focus: { minDailyHours: 1 } },
      rules: {},
      team_sources: [],
    },
    {
      name: "equal values are a tie: org",
      team: orgAsTeam,
      rules: {},
      team_sources: [],
    },
    {
      name: "a team turning a flag on",
      org: { sensitiveIsLive: false, informIsAsync: false },
      team: { sensitiveIsLive: true, informIsAsync: false },
      rules: { sensitiveIsLive: true, informIsAsync: false },
      team_sources: ["sensitiveIsLive"],
    },
    {
      name: "a team turning a flag off is ignored",
      team: { sensitiveIsLive: false, informIsAsync: false },
      rules: {},
      team_sources: [],
    },
    {
      name: "the team's focus window replaces the org's",
      org: { focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } } },
      team: { focus: { minDailyHours: 2, window: { start: "14:00", end: "16:00" } } },
      rules: { focus: { minDailyHours: 2, window: { start: "14:00", end: "16:00" } } },
      team_sources: ["focus"],
    },
    {
      name: "the org's focus window stays when the team sets none",
      org: { focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } } },
      team: { focus: { minDailyHours: 1 } },
      rules: { focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } } },
      team_sources: [],
    },
    {
      name: "the same focus window is a tie",
      org: { focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } } },
      team: { focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } } },
      rules: {},
      team_sources: [],
    },
    {
      name: "notification hours are the org's",
      org: { notificationHours: { start: "08:00", end: "18:00" } },
      team: { maxAttendees: 6 },
      rules: { maxAttendees: 6 },
      team_sources: ["maxAttendees"],
    },
  ];

  it.each(rows)("$name", (row) => {
    const base = org(row.org);
    const result = effectiveRules(base, row.team);
    expect(result.rules).toEqual({ ...base, ...row.rules });
    const expected = { ...allOrg, ...Object.fromEntries(row.team_sources.map((name) => [name, "team"])) };
    expect(result.sources).toEqual(expected);
  });

  it("treats a missing team like an empty one and copies rather than shares lists", () => {
    const base = org();
    const result = effectiveRules(base);
    expect(result).toEqual({ rules: base, sources: allOrg });
    expect(result.rules.mustBeLive).not.toBe(base.mustBeLive);
  });
});

describe("loosenedRules", () => {
  const rows: { name: string; org?: Partial<Rules>; team: TeamRules; loosened: string[] }[] = [
    { name: "an empty override", team: {}, loosened: [] },
    { name: "a copy of the org's rules", team: orgAsTeam, loosened: [] },
    {
      name: "kind and day lists that omit org entries (merged by union)",
      team: { mustBeLive: [], preferAsync: ["other"], noMeetingDays: [] },
      loosened: [],
    },
    {
      name: "more reply hours for one urgency",
      team: { replyWithinWorkingHours: { urgent: 2, normal: 12, low: 24 } },
      loosened: ["replyWithinWorkingHours.normal"],
    },
    {
      name: "bigger budgets, longer and larger meetings",
      team: {
        meetingBudget: { weeklyHours: 20, dailyHours: 5 },
        maxMeetingMinutes: 90,
        maxAttendees: 13,
      },
      loosened: [
        "meetingBudget.weeklyHours",
        "meetingBudget.dailyHours",
        "maxMeetingMinutes",
        "maxAttendees",
      ],
    },
    {
      name: "less agenda notice and focus time",
      team: { agendaRequiredHoursBefore: 12, focus: { minDailyHours: 1 } },
      loosened: ["agendaRequiredHoursBefore", "focus.minDailyHours"],
    },
    {
      name: "flags turned off where the org has them on",
      team: { sensitiveIsLive: false, informIsAsync: false },
      loosened: ["sensitiveIsLive", "informIsAsync"],
    },
    {
      name: "flags turned off where the org has them off too",
      org: { sensitiveIsLive: false, informIsAsync: false },
      team: { sensitiveIsLive: false, informIsAsync: false },
      loosened: [],
    },
    {
      name: "a different focus window",
      org: { focus: { minDailyHours: 2, window: { start: "09:00", end: "11:00" } } },
      team: { focus: { minDailyHours: 2, window: { start: "13:00", end: "15:00" } } },
      loosened: [],
    },
    {
      name: "notification hours smuggled in",
      team: { notificationHours: { start: "00:00", end: "24:00" } } as TeamRules,
      loosened: ["notificationHours"],
    },
  ];

  it.each(rows)("$name", (row) => {
    expect(loosenedRules(org(row.org), row.team).map((l) => l.rule)).toEqual(row.loosened);
  });

  it("names the rule, both values and the bound in its message", () => {
    const [normal, agenda, flag] = loosenedRules(org(), {
      replyWithinWorkingHours: { urgent: 2, normal: 12, low: 24 },
      agendaRequiredHoursBefore: 1,
      sensitiveIsLive: false,
    });
    expect(normal?.message).toBe(
      "The team's reply time for normal requests (replyWithinWorkingHours.normal) of 12 working hours is " +
        "looser than the organisation's 8 working hours; a team may only tighten it, to at most 8 working hours.",
    );
    expect(agenda?.message).toContain("1 hour is looser than the organisation's 24 hours");
    expect(agenda?.message).toContain("at least 24 hours");
    expect(flag?.message).toContain("(sensitiveIsLive: yes)");
  });
});
