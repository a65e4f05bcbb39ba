import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import { DEFAULT_RULES, type Rules } from "../../contracts/agreement";
import { type Interval, type WeekPattern, workingIntervals } from "../time";
import { checkMeeting, type GateAttendee, type GateMeeting, meetingLoadHours, weekStarts } from "./gates";

const H = 3_600_000;
const rules = (overrides: Partial<Rules> = {}): Rules => ({ ...DEFAULT_RULES, ...overrides });
const span = (start: number, end: number): Interval => ({ start, end });
const around = span(utc(2026, 5, 20), utc(2026, 11, 20));

let ids = 0;
function person(
  name: string,
  timeZone: string,
  extra: Partial<GateAttendee> & { week?: WeekPattern } = {},
): GateAttendee {
  const { week = weekdays("09:00", "17:00"), ...rest } = extra;
  return {
    personId: `p${++ids}`,
    name,
    required: true,
    timeZone,
    working: workingIntervals({ timeZone, week }, around),
    focus: [],
    busy: [],
    ...rest,
  };
}
const meeting = (start: number, end: number, extra: Partial<GateMeeting> = {}): GateMeeting => ({
  kind: "planning",
  start,
  end,
  attendeeCount: 2,
  ...extra,
});
const ruleIds = (list: { ruleId: string }[]) => list.map((v) => v.ruleId);

describe("checkMeeting: blocks", () => {
  const london = person("Sam Hill", "Europe/London");

  it("passes a meeting within every rule", () => {
    // Tuesday 9 June 2026, 10:00–11:00 BST.
    expect(checkMeeting(meeting(utc(2026, 6, 9, 9), utc(2026, 6, 9, 10)), rules(), [london])).toEqual({
      violations: [],
      warnings: [],
    });
  });

  it("blocks a meeting longer than maxMeetingMinutes", () => {
    const result = checkMeeting(meeting(utc(2026, 6, 9, 9), utc(2026, 6, 9, 10, 30)), rules(), [london]);
    expect(result.violations).toEqual([
      {
        ruleId: "maxMeetingMinutes",
        text: "The meeting lasts 90 minutes; the agreement allows at most 60 minutes.",
      },
    ]);
  });

  it("blocks more attendees than maxAttendees", () => {
    const m = meeting(utc(2026, 6, 9, 9), utc(2026, 6, 9, 10), { attendeeCount: 13 });
    expect(checkMeeting(m, rules(), [london]).violations).toEqual([
      {
        ruleId: "maxAttendees",
        text: "The meeting has 13 attendees; the agreement allows at most 12 people.",
      },
    ]);
    expect(checkMeeting({ ...m, attendeeCount: 12 }, rules(), [london]).violations).toEqual([]);
  });

  it("blocks a no-meeting day on a required attendee's own date, not on UTC's or an optional one's", () => {
    // Thursday 11 June 22:00 UTC is Thursday 23:00 in London and Friday 10:00 in Auckland.
    const m = meeting(utc(2026, 6, 11, 22), utc(2026, 6, 11, 23));
    const everyDay = { week: weekdays("00:00", "24:00") };
    const aroha = person("Aroha Ngata", "Pacific/Auckland", everyDay);
    const londonAllDay = person("Sam Hill", "Europe/London", everyDay);
    const optional = person("Mere Tane", "Pacific/Auckland", { ...everyDay, required: false });
    const result = checkMeeting(m, rules({ noMeetingDays: ["fri"] }), [londonAllDay, aroha, optional]);
    expect(result.violations).toEqual([
      {
        ruleId: "noMeetingDays",
        personId: aroha.personId,
        text: "Aroha Ngata: the meeting is at 10:00–11:00 on Friday 12 June in Pacific/Auckland, and Friday is a no-meeting day.",
      },
    ]);
  });

  it("exempts incidents from every block, but still warns", () => {
    // Saturday 13 June, 03:00–05:00 BST, with 20 people, on a no-meeting day, over budget.
    const m = meeting(utc(2026, 6, 13, 2), utc(2026, 6, 13, 4), { kind: "incident", attendeeCount: 20 });
    const strict = rules({ noMeetingDays: ["sat"], meetingBudget: { dailyHours: 1, weeklyHours: 1 } });
    const result = checkMeeting(m, strict, [london]);
    expect(result.violations).toEqual([]);
    expect(ruleIds(result.warnings)).toEqual(["workingHours"]);
    expect(ruleIds(checkMeeting({ ...m, kind: "planning" }, strict, [london]).violations)).toEqual([
      "maxMeetingMinutes",
      "maxAttendees",
      "noMeetingDays",
      "meetingBudget",
      "meetingBudget",
    ]);
  });
});

describe("checkMeeting: meeting budgets on each attendee's own calendar", () => {
  // Busy Thursday 11 June 21:00 UTC → Friday 00:30 UTC: Friday 09:00–12:30 in Auckland (NZST, +12),
  // Thursday 22:00 → Friday 01:30 in London (BST). The meeting: Friday 01:00–02:00 UTC.
  const busy = [span(utc(2026, 6, 11, 21), utc(2026, 6, 12, 0, 30))];
  const m = meeting(utc(2026, 6, 12, 1), utc(2026, 6, 12, 2));

  it("counts the day that is Friday in Auckland", () => {
    const aroha = person("Aroha Ngata", "Pacific/Auckland", { busy });
    expect(checkMeeting(m, rules(), [aroha]).violations).toEqual([
      {
        ruleId: "meetingBudget",
        personId: aroha.personId,
        text: "Aroha Ngata would have 4.5 hours of meetings on Friday 12 June (Pacific/Auckland), more than the daily budget of 4 hours.",
      },
    ]);
  });

  it("does not count Thursday's part for someone in London on the same instants", () => {
    const sam = person("Sam Hill", "Europe/London", { busy });
    expect(checkMeeting(m, rules(), [sam]).violations).toEqual([]);
  });

  it("leaves out the attendee's own focus blocks and counts overlaps once", () => {
    const focus = [span(utc(2026, 6, 11, 21), utc(2026, 6, 11, 22))];
    const overlapping = [...busy, span(utc(2026, 6, 11, 23), utc(2026, 6, 12, 0))];
    const aroha = person("Aroha Ngata", "Pacific/Auckland", { busy: overlapping, focus });
    expect(checkMeeting(m, rules(), [aroha]).violations).toEqual([]);
  });

  it("counts the local ISO week, Monday to Sunday, across the October clock change", () => {
    // Monday 19 October 00:00–01:00 BST is Sunday 18 October 23:00 UTC: inside the local week.
    // Sunday 18 October 23:00 BST and Monday 26 October 00:30 GMT lie outside it.
    const sam = person("Sam Hill", "Europe/London", {
      busy: [
        span(utc(2026, 10, 18, 23), utc(2026, 10, 19, 0)),
        span(utc(2026, 10, 18, 22), utc(2026, 10, 18, 22, 59)),
        span(utc(2026, 10, 26, 0, 30), utc(2026, 10, 26, 1, 30)),
      ],
    });
    // Sunday 25 October 22:30–23:30 GMT: the last hour of the 169-hour week.
    const late = meeting(utc(2026, 10, 25, 22, 30), utc(2026, 10, 25, 23, 30));
    const weekly = rules({ meetingBudget: { dailyHours: 24, weeklyHours: 1.5 } });
    expect(checkMeeting(late, weekly, [sam]).violations).toEqual([
      {
        ruleId: "meetingBudget",
        personId: sam.personId,
        text: "Sam Hill would have 2 hours of meetings in the week of Monday 19 October (Europe/London), more than the weekly budget of 1.5 hours.",
      },
    ]);
    expect(
      checkMeeting(late, rules({ meetingBudget: { dailyHours: 24, weeklyHours: 2 } }), [sam]).violations,
    ).toEqual([]);
  });

  it("checks every attendee, optional ones too", () => {
    const aroha = person("Aroha Ngata", "Pacific/Auckland", { busy, required: false });
    expect(checkMeeting(m, rules(), [aroha]).violations).toHaveLength(1);
  });
});

describe("checkMeeting: focus warnings", () => {
  // Tuesday 9 June 2026 in London (BST): working 09:00–17:00, busy 12:00–13:00.
  const sam = () =>
    person("Sam Hill", "Europe/London", { busy: [span(utc(2026, 6, 9, 11), utc(2026, 6, 9, 12))] });
  const afternoon = meeting(utc(2026, 6, 9, 13), utc(2026, 6, 9, 14)); // 14:00–15:00 BST

  it("warns when the meeting leaves less than minDailyHours uninterrupted, having had it before", () => {
    const attendee = sam();
    const focus = (minDailyHours: number) => rules({ focus: { minDailyHours } });
    expect(checkMeeting(afternoon, focus(2), [attendee]).warnings).toEqual([]);
    expect(checkMeeting(afternoon, focus(3.5), [attendee]).warnings).toEqual([
      {
        ruleId: "focus",
        personId: attendee.personId,
        text: "Sam Hill would keep at most 3 hours of uninterrupted working time on Tuesday 9 June (Europe/London), less than the 3.5 hours of focus time the agreement keeps each day.",
      },
    ]);
    // Nobody had 5 hours in one stretch that day: the meeting takes nothing the agreement keeps.
    expect(checkMeeting(afternoon, focus(5), [attendee]).warnings).toEqual([]);
  });

  it("warns when the meeting cuts the focus window on the attendee's own clock", () => {
    const window = rules({ focus: { minDailyHours: 0, window: { start: "09:00", end: "11:00" } } });
    const asha = person("Asha Rao", "Asia/Kolkata");
    const sam = person("Sam Hill", "Europe/London");
    // 04:00–05:00 UTC: 09:30–10:30 in Kolkata, 05:00–06:00 in London.
    const result = checkMeeting(meeting(utc(2026, 6, 9, 4), utc(2026, 6, 9, 5)), window, [asha, sam]);
    expect(result.warnings.filter((w) => w.ruleId === "focus")).toEqual([
      {
        ruleId: "focus",
        personId: asha.personId,
        text: "Asha Rao: the meeting at 09:30–10:30 on Tuesday 9 June in Asia/Kolkata cuts into the focus window (09:00–11:00 their time).",
      },
    ]);
  });

  it("handles a focus window that wraps past midnight", () => {
    const night = rules({ focus: { minDailyHours: 0, window: { start: "22:00", end: "02:00" } } });
    const sam = person("Sam Hill", "Europe/London", { required: false });
    expect(
      checkMeeting(meeting(utc(2026, 6, 9, 0), utc(2026, 6, 9, 0, 30)), night, [sam]).warnings,
    ).toHaveLength(1);
    expect(checkMeeting(meeting(utc(2026, 6, 9, 2), utc(2026, 6, 9, 3)), night, [sam]).warnings).toEqual([]);
  });
});

describe("checkMeeting: working hours warnings", () => {
  const asha = person("Asha Rao", "Asia/Kolkata");
  const warn = (start: number, end: number, who: GateAttendee = asha) =>
    checkMeeting(meeting(start, end), rules({ focus: { minDailyHours: 0 } }), [who]).warnings.map(
      (w) => w.text,
    );

  it("says who, their local time and why", () => {
    expect(warn(utc(2026, 6, 9, 2), utc(2026, 6, 9, 3))).toEqual([
      "Asha Rao: 07:30–08:30 on Tuesday 9 June in Asia/Kolkata, before their working hours.",
    ]);
    expect(warn(utc(2026, 6, 9, 12), utc(2026, 6, 9, 13))).toEqual([
      "Asha Rao: 17:30–18:30 on Tuesday 9 June in Asia/Kolkata, after their working hours.",
    ]);
    expect(warn(utc(2026, 6, 9, 11), utc(2026, 6, 9, 12))).toEqual([
      "Asha Rao: 16:30–17:30 on Tuesday 9 June in Asia/Kolkata, running past the end of their working hours.",
    ]);
    expect(warn(utc(2026, 6, 9, 3), utc(2026, 6, 9, 4))).toEqual([
      "Asha Rao: 08:30–09:30 on Tuesday 9 June in Asia/Kolkata, starting before their working hours.",
    ]);
    expect(warn(utc(2026, 6, 13, 5), utc(2026, 6, 13, 6))).toEqual([
      "Asha Rao: 10:30–11:30 on Saturday 13 June in Asia/Kolkata, on a day they do not work.",
    ]);
  });

  it("names a break between two working spans", () => {
    const split = {
      mon: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ],
    };
    const sam = person("Sam Hill", "Europe/London", { week: split });
    expect(warn(utc(2026, 6, 8, 11), utc(2026, 6, 8, 12), sam)).toEqual([
      "Sam Hill: 12:00–13:00 on Monday 8 June in Europe/London, during a break in their working hours.",
    ]);
  });

  it("says nothing for an optional attendee or a meeting inside working hours", () => {
    expect(warn(utc(2026, 6, 9, 2), utc(2026, 6, 9, 3), { ...asha, required: false })).toEqual([]);
    expect(warn(utc(2026, 6, 9, 4), utc(2026, 6, 9, 5))).toEqual([]);
  });
});

describe("meetingLoadHours and weekStarts", () => {
  it("unites busy time, clips it to the window and leaves out focus blocks", () => {
    const busy = [span(0, 2 * H), span(H, 3 * H), span(10 * H, 12 * H)];
    expect(meetingLoadHours(busy, [], span(0, 24 * H))).toBe(5);
    expect(meetingLoadHours(busy, [span(2.5 * H, 11 * H)], span(0, 24 * H))).toBe(3.5);
    expect(meetingLoadHours(busy, [], span(11 * H, 24 * H))).toBe(1);
    expect(meetingLoadHours([span(0, H / 3)], [], span(0, H))).toBe(0.33);
  });

  it("gives local Monday midnights, across the clock change and in a zone ahead of UTC", () => {
    expect(weekStarts("Europe/London", utc(2026, 10, 21, 12), 3)).toEqual([
      utc(2026, 10, 18, 23),
      utc(2026, 10, 26),
      utc(2026, 11, 2),
    ]);
    // Sunday 14 June 13:00 UTC is already Monday 15 June in Auckland.
    expect(weekStarts("Pacific/Auckland", utc(2026, 6, 14, 13), 1)).toEqual([utc(2026, 6, 14, 12)]);
    expect(weekStarts("Pacific/Auckland", utc(2026, 6, 14, 11), 1)).toEqual([utc(2026, 6, 7, 12)]);
  });
});
