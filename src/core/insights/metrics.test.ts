import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import { localWeek } from "../meetings/load";
import {
  addDays,
  type Interval,
  localToInstant,
  parseTimeOfDay,
  totalDuration,
  type WeekPattern,
  workingIntervals,
} from "../time";
import { checkinParticipation, personWeek, personWeekView, workingHoursBetween } from "./metrics";
import type { PersonWeekInput } from "./types";

const H = 3_600_000;

/** An instant from a local date and "HH:MM" in `zone`. */
const at = (zone: string, date: string, time: string) =>
  localToInstant(zone, date, parseTimeOfDay(time, true) as number);
const local = (zone: string, date: string, start: string, end: string): Interval => ({
  start: at(zone, date, start),
  end: at(zone, end <= start ? addDays(date, 1) : date, end),
});

/** A week's input with the person's working intervals from `pattern` (and absences) over the week and a day either side. */
function input(
  timeZone: string,
  weekStart: string,
  pattern: WeekPattern,
  extra: Partial<PersonWeekInput> & { absences?: Interval[] } = {},
): PersonWeekInput {
  const { absences, ...rest } = extra;
  const week = localWeek(timeZone, weekStart);
  const window = { start: week.start - 7 * 24 * H, end: week.end + 24 * H };
  return {
    timeZone,
    weekStart,
    working: workingIntervals({ timeZone, week: pattern, absences }, window),
    meetings: [],
    sharedTeamMeetings: 0,
    burdenPoints: 0,
    replies: [],
    checkinsDue: 0,
    checkinsAnswered: 0,
    pulseAnswers: [],
    minDailyFocusHours: 2,
    ...rest,
  };
}

const LONDON = "Europe/London";
const withLunch: WeekPattern = (() => {
  const day = [
    { start: "09:00", end: "12:00" },
    { start: "13:00", end: "17:30" },
  ];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
})();

describe("personWeek on a London summer week with a lunch break", () => {
  const L = (date: string, start: string, end: string) => local(LONDON, date, start, end);
  const week = personWeek(
    input(LONDON, "2026-06-01", withLunch, {
      minDailyFocusHours: 4,
      meetings: [
        L("2026-06-01", "10:00", "11:00"),
        L("2026-06-01", "10:30", "11:30"), // overlaps the one before: counted once
        L("2026-06-01", "14:00", "14:30"),
        L("2026-06-02", "18:00", "19:00"), // after hours
        L("2026-06-06", "10:00", "10:30"), // Saturday
      ],
    }),
  );

  it("counts overlapping meetings once and after-hours meetings too", () => {
    expect(week.meetingHours).toBe(1.5 + 0.5 + 1 + 0.5);
    expect(week.afterHoursMeetingHours).toBe(1.5);
  });

  it("splits free time into focus (≥ 2 h) and fragments (< 1 h), pieces of 1–2 h in neither", () => {
    // Monday: 09–10 (1 h), 11:30–12 (0.5 h), 13–14 (1 h), 14:30–17:30 (3 h); other days 3 h + 4.5 h.
    expect(week.focusHours).toBe(3 + 4 * 7.5);
    expect(week.fragmentedHours).toBe(0.5);
    expect(week.fragmentCount).toBe(1);
  });

  it("counts the working days and those under the daily focus minimum", () => {
    expect(week.workingDays).toBe(5);
    expect(week.focusShortDays).toBe(1);
  });

  it("leaves optional figures null without data and passes the rest through", () => {
    expect(week.replyLatencyHours).toBeNull();
    expect(week.pulse).toBeNull();
    expect(week.weekStart).toBe("2026-06-01");
  });
});

describe("personWeek across the clock changes (Europe/London)", () => {
  const everyDay: WeekPattern = { ...weekdays("09:00", "17:00"), sun: [{ start: "00:00", end: "04:00" }] };

  it("has a 167-hour week in late March and a 169-hour week in late October", () => {
    for (const [monday, hours] of [
      ["2026-03-23", 167],
      ["2026-10-19", 169],
    ] as const) {
      const span = localWeek(LONDON, monday);
      expect(totalDuration([span])).toBe(hours * H);
      // One busy block from well before to well after the week: clipped to the week.
      const busy = { start: span.start - 30 * H, end: span.end + 30 * H };
      const week = personWeek(input(LONDON, monday, weekdays("09:00", "17:00"), { meetings: [busy] }));
      expect(week.meetingHours).toBe(hours);
      expect(week.afterHoursMeetingHours).toBe(hours - 40);
      expect(week.focusHours).toBe(0);
      expect(week.focusShortDays).toBe(5);
    }
  });

  it("makes Sunday 00:00–04:00 three working hours in March and five in October", () => {
    const march = personWeek(input(LONDON, "2026-03-23", everyDay));
    expect(march.focusHours).toBe(40 + 3);
    expect(march.workingDays).toBe(6);
    const october = personWeek(input(LONDON, "2026-10-19", everyDay));
    expect(october.focusHours).toBe(40 + 5);
  });

  it("measures a Sunday-night meeting over the change in real hours", () => {
    const meeting = (date: string) => local(LONDON, date, "00:00", "04:00");
    const pattern = weekdays("09:00", "17:00");
    const march = personWeek(input(LONDON, "2026-03-23", pattern, { meetings: [meeting("2026-03-29")] }));
    expect(march.afterHoursMeetingHours).toBe(3);
    const october = personWeek(input(LONDON, "2026-10-19", pattern, { meetings: [meeting("2026-10-25")] }));
    expect(october.afterHoursMeetingHours).toBe(5);
  });
});

describe("personWeek in half-hour and quarter-hour zones", () => {
  it("uses Asia/Kolkata's +05:30 for the week's edges and the working day", () => {
    // Monday 2026-06-01 00:00 IST is Sunday 18:30 UTC.
    const week = personWeek(
      input("Asia/Kolkata", "2026-06-01", weekdays("09:00", "17:00"), {
        meetings: [
          { start: utc(2026, 5, 31, 18), end: utc(2026, 5, 31, 19) }, // half of it inside the week
          { start: utc(2026, 6, 1, 4), end: utc(2026, 6, 1, 5) }, // 09:30–10:30 IST
          { start: utc(2026, 6, 2, 12), end: utc(2026, 6, 2, 13) }, // 17:30–18:30 IST
        ],
      }),
    );
    expect(week.meetingHours).toBe(2.5);
    expect(week.afterHoursMeetingHours).toBe(1.5);
    // Monday: 09:00–09:30 is a fragment, 10:30–17:00 is focus.
    expect(week.fragmentedHours).toBe(0.5);
    expect(week.fragmentCount).toBe(1);
    expect(week.focusHours).toBe(6.5 + 4 * 8);
  });

  it("uses Asia/Kathmandu's +05:45", () => {
    const week = personWeek(
      input("Asia/Kathmandu", "2026-06-01", weekdays("09:00", "17:00"), {
        meetings: [{ start: utc(2026, 6, 1, 3, 15), end: utc(2026, 6, 1, 4, 15) }], // 09:00–10:00 NPT
        minDailyFocusHours: 7.5,
      }),
    );
    expect(week.afterHoursMeetingHours).toBe(0);
    expect(week.focusHours).toBe(7 + 4 * 8);
    expect(week.focusShortDays).toBe(1);
  });

  it("uses Australia/Adelaide's +09:30", () => {
    // 2026-06-01 09:00 ACST is 2026-05-31 23:30 UTC.
    const week = personWeek(
      input("Australia/Adelaide", "2026-06-01", weekdays("09:00", "17:00"), {
        meetings: [{ start: utc(2026, 5, 31, 23, 30), end: utc(2026, 6, 1, 0, 15) }],
      }),
    );
    expect(week.meetingHours).toBe(0.75);
    expect(week.afterHoursMeetingHours).toBe(0);
    expect(week.fragmentCount).toBe(0);
    expect(week.focusHours).toBe(7.25 + 4 * 8);
  });
});

describe("personWeek for part-time patterns and absences", () => {
  const monToWed: WeekPattern = {
    mon: [{ start: "09:00", end: "17:00" }],
    tue: [{ start: "09:00", end: "17:00" }],
    wed: [{ start: "09:00", end: "17:00" }],
  };

  it("counts only the days worked, and meetings on the others as after hours", () => {
    const thursday = local(LONDON, "2026-06-04", "10:00", "11:00");
    const week = personWeek(input(LONDON, "2026-06-01", monToWed, { meetings: [thursday] }));
    expect(week.workingDays).toBe(3);
    expect(week.focusHours).toBe(24);
    expect(week.afterHoursMeetingHours).toBe(1);
    expect(week.focusShortDays).toBe(0);
    expect(personWeek(input(LONDON, "2026-06-01", monToWed, { minDailyFocusHours: 9 })).focusShortDays).toBe(
      3,
    );
  });

  it("takes an absent day out of the working days, and its meetings count as after hours", () => {
    const wednesday = local(LONDON, "2026-06-03", "00:00", "24:00");
    const meeting = local(LONDON, "2026-06-03", "10:00", "11:00");
    const week = personWeek(
      input(LONDON, "2026-06-01", weekdays("09:00", "17:00"), {
        absences: [wednesday],
        meetings: [meeting],
        minDailyFocusHours: 9,
      }),
    );
    expect(week.workingDays).toBe(4);
    expect(week.focusShortDays).toBe(4);
    expect(week.focusHours).toBe(32);
    expect(week.afterHoursMeetingHours).toBe(1);
  });

  it("cuts free time at local midnight for the daily focus check, not for the weekly focus", () => {
    const lateShift: WeekPattern = {
      mon: [{ start: "20:00", end: "24:00" }],
      tue: [{ start: "00:00", end: "02:00" }],
    };
    const week = personWeek(input(LONDON, "2026-06-01", lateShift, { minDailyFocusHours: 3 }));
    expect(week.focusHours).toBe(6);
    expect(week.workingDays).toBe(2);
    expect(week.focusShortDays).toBe(1); // Tuesday: 2 h of focus, under 3
    const lenient = personWeek(input(LONDON, "2026-06-01", lateShift, { minDailyFocusHours: 2 }));
    expect(lenient.focusShortDays).toBe(0);
  });
});

describe("reply latency in working hours", () => {
  const working = workingIntervals(
    { timeZone: LONDON, week: weekdays("09:00", "17:00") },
    { start: utc(2026, 5, 25), end: utc(2026, 6, 15) },
  );
  const L = (date: string, time: string) => at(LONDON, date, time);

  it("skips the weekend and the night", () => {
    // Friday 16:00 → Monday 10:00: one hour on Friday and one on Monday.
    expect(workingHoursBetween(working, L("2026-06-05", "16:00"), L("2026-06-08", "10:00"))).toBe(2);
    // Tuesday 16:30 → Wednesday 09:30.
    expect(workingHoursBetween(working, L("2026-06-02", "16:30"), L("2026-06-03", "09:30"))).toBe(1);
    // Asked and answered in the evening.
    expect(workingHoursBetween(working, L("2026-06-02", "18:00"), L("2026-06-02", "19:00"))).toBe(0);
    expect(workingHoursBetween(working, L("2026-06-03", "10:00"), L("2026-06-02", "10:00"))).toBe(0);
  });

  it("is the median over the week's replies, asked before the week or inside it", () => {
    const base = input(LONDON, "2026-06-08", weekdays("09:00", "17:00"), {
      replies: [
        { askedAt: L("2026-06-05", "16:00"), answeredAt: L("2026-06-08", "10:00") },
        { askedAt: L("2026-06-09", "16:30"), answeredAt: L("2026-06-10", "09:30") },
        { askedAt: L("2026-06-10", "10:00"), answeredAt: L("2026-06-10", "10:00") },
      ],
    });
    expect(personWeek(base).replyLatencyHours).toBe(1);
    const even = { ...base, replies: base.replies.slice(0, 2) };
    expect(personWeek(even).replyLatencyHours).toBe(1.5);
  });
});

describe("check-ins, pulse and the week as the API shows it", () => {
  it("averages pulse answers and shares answered check-ins", () => {
    const week = personWeek(
      input(LONDON, "2026-06-01", weekdays("09:00", "17:00"), {
        pulseAnswers: [4, 5, 3, 3],
        checkinsDue: 3,
        checkinsAnswered: 2,
        burdenPoints: 7,
        sharedTeamMeetings: 2,
      }),
    );
    expect(week.pulse).toBe(3.75);
    expect(week.burdenPoints).toBe(7);
    expect(week.sharedTeamMeetings).toBe(2);
    expect(checkinParticipation(week.checkinsDue, week.checkinsAnswered)).toBe(0.67);
    expect(checkinParticipation(0, 0)).toBeNull();
    const view = personWeekView(week);
    expect(view.checkinParticipation).toBe(0.67);
    expect(view.pulse).toBe(3.75);
    expect("replyLatencyHours" in view).toBe(false);
  });

  it("leaves out figures a week lacks, never zero", () => {
    const view = personWeekView(personWeek(input(LONDON, "2026-06-01", weekdays("09:00", "17:00"))));
    expect(Object.keys(view)).not.toContain("checkinParticipation");
    expect(Object.keys(view)).not.toContain("pulse");
    expect(view.focusHours).toBe(40);
  });
});
