import { describe, expect, it } from "vitest";
import { addDays } from "../time";
import { personAlerts } from "./alerts";
import type { AlertContext, PersonWeek } from "./types";

const FIRST = "2026-05-04";
/** Consecutive weeks from FIRST, each with the given figures over a quiet, connected week. */
function weeks(...figures: Partial<PersonWeek>[]): PersonWeek[] {
  return figures.map((f, i) => ({
    weekStart: addDays(FIRST, 7 * i),
    meetingHours: 8,
    focusHours: 20,
    fragmentedHours: 1,
    fragmentCount: 2,
    afterHoursMeetingHours: 0,
    burdenPoints: 0,
    replyLatencyHours: null,
    checkinsDue: 1,
    checkinsAnswered: 1,
    pulse: null,
    focusShortDays: 0,
    workingDays: 5,
    sharedTeamMeetings: 2,
    ...f,
  }));
}
const context: AlertContext = { weeklyBudgetHours: 15, minDailyFocusHours: 2 };
const kinds = (w: PersonWeek[], c: AlertContext = context) => personAlerts(w, c).map((a) => a.kind);
const only = (w: PersonWeek[], c: AlertContext = context) => {
  const alerts = personAlerts(w, c);
  expect(alerts).toHaveLength(1);
  return alerts[0];
};

describe("personAlerts", () => {
  it("raises nothing for balanced weeks or no weeks", () => {
    expect(personAlerts(weeks({}, {}, {}, {}), context)).toEqual([]);
    expect(personAlerts([], context)).toEqual([]);
  });

  describe("overload", () => {
    it("fires when the last two weeks are both over the budget, saying why and what next", () => {
      const alert = only(weeks({ meetingHours: 10 }, { meetingHours: 18.5 }, { meetingHours: 17 }));
      expect(alert).toMatchObject({ kind: "overload", since: addDays(FIRST, 7) });
      expect(alert?.text).toBe(
        "Your meetings took 18.5 h and 17 h in the last two weeks, over the agreement's 15 h a week.",
      );
      expect(alert?.nextStep).toMatch(/meeting audit/);
    });

    it("does not fire at the budget, for one week, or when the weeks are not consecutive", () => {
      expect(kinds(weeks({ meetingHours: 15 }, { meetingHours: 17 }))).toEqual([]);
      expect(kinds(weeks({ meetingHours: 17 }, { meetingHours: 15 }))).toEqual([]);
      expect(kinds(weeks({ meetingHours: 17 }))).toEqual([]);
      const [a, , c] = weeks({ meetingHours: 17 }, {}, { meetingHours: 17 });
      expect(kinds([a as PersonWeek, c as PersonWeek])).toEqual([]);
    });

    it("dates a longer run from its first week", () => {
      const alert = only(weeks({}, { meetingHours: 16 }, { meetingHours: 16 }, { meetingHours: 20 }));
      expect(alert?.since).toBe(addDays(FIRST, 7));
      expect(alert?.text).toBe(
        "Your meetings have been over the agreement's 15 h a week for 3 weeks running, 16 h and 20 h in the last two.",
      );
    });
  });

  describe("focus deficit", () => {
    it("fires on 3 short days in the latest week", () => {
      const alert = only(weeks({}, { focusShortDays: 3, workingDays: 4 }));
      expect(alert).toMatchObject({ kind: "focus_deficit", since: addDays(FIRST, 7) });
      expect(alert?.text).toBe(
        `In the week of ${addDays(FIRST, 7)}, 3 of your 4 working days had less than the agreement's 2 h of focus time (free blocks of 2 h or more).`,
      );
    });

    it("does not fire on 2 short days, nor for an earlier week", () => {
      expect(kinds(weeks({}, { focusShortDays: 2 }))).toEqual([]);
      expect(kinds(weeks({ focusShortDays: 5 }, { focusShortDays: 2 }))).toEqual([]);
    });
  });

  describe("after-hours creep", () => {
    it("fires when after-hours meeting time rose over the last three weeks", () => {
      const alert = only(
        weeks(
          { afterHoursMeetingHours: 3 },
          { afterHoursMeetingHours: 0.5 },
          { afterHoursMeetingHours: 1 },
          { afterHoursMeetingHours: 2.5 },
        ),
      );
      expect(alert).toMatchObject({ kind: "after_hours_creep", since: addDays(FIRST, 7) });
      expect(alert?.text).toBe(
        "Your meetings outside your working hours rose 3 weeks running: 0.5 h, 1 h, then 2.5 h.",
      );
    });

    it("counts a rise from zero", () => {
      expect(
        kinds(
          weeks(
            { afterHoursMeetingHours: 0 },
            { afterHoursMeetingHours: 0.5 },
            { afterHoursMeetingHours: 1 },
          ),
        ),
      ).toEqual(["after_hours_creep"]);
    });

    it("does not fire on a flat week, a fall at the end, two weeks or none at all", () => {
      const h = (...values: number[]) => weeks(...values.map((v) => ({ afterHoursMeetingHours: v })));
      expect(kinds(h(1, 1, 2))).toEqual([]);
      expect(kinds(h(0.5, 1, 2, 1.5))).toEqual([]);
      expect(kinds(h(1, 2))).toEqual([]);
      expect(kinds(h(0, 0, 0))).toEqual([]);
    });
  });

  describe("disconnection", () => {
    const alone = { sharedTeamMeetings: 0, checkinsAnswered: 0 };

    it("fires after 3 weeks without a shared meeting or a check-in answer, with check-ins due", () => {
      const alert = only(weeks({}, alone, alone, alone));
      expect(alert).toMatchObject({ kind: "disconnection", since: addDays(FIRST, 7) });
      expect(alert?.text).toBe(
        "For 3 weeks you have had no meeting with your team and answered no check-in.",
      );
    });

    it("needs check-ins due or a team", () => {
      const noneDue = { ...alone, checkinsDue: 0 };
      expect(kinds(weeks(noneDue, noneDue, noneDue))).toEqual([]);
      const team = { ...context, teamBurden: { personPoints: 0, teamPoints: 0, teamSize: 6 } };
      expect(kinds(weeks(noneDue, noneDue, noneDue), team)).toEqual(["disconnection"]);
    });

    it("does not fire after 2 weeks, or with one shared meeting or one answer in the run", () => {
      expect(kinds(weeks({}, alone, alone))).toEqual([]);
      expect(kinds(weeks(alone, { ...alone, sharedTeamMeetings: 1 }, alone))).toEqual([]);
      expect(kinds(weeks(alone, alone, { ...alone, checkinsAnswered: 1 }))).toEqual([]);
    });
  });

  describe("unfair burden", () => {
    const burden = (personPoints: number, teamPoints = 50, teamSize = 5) => ({
      ...context,
      teamBurden: { personPoints, teamPoints, teamSize },
    });
    const ten = weeks(...Array.from({ length: 10 }, () => ({})));

    it("fires over twice the fair share, since the first of the 8 weeks", () => {
      const alert = only(ten, burden(21));
      expect(alert).toMatchObject({ kind: "unfair_burden", since: addDays(FIRST, 14) });
      expect(alert?.text).toBe(
        "You carried 21 of your team's 50 time-zone burden points over the last 8 weeks, more than twice the fair share of 10 in a team of 5.",
      );
    });

    it("does not fire at exactly twice, alone, or without points", () => {
      expect(kinds(ten, burden(20))).toEqual([]);
      expect(kinds(ten, burden(3, 3, 1))).toEqual([]);
      expect(kinds(ten, burden(0, 0, 5))).toEqual([]);
      expect(kinds([], burden(21))).toEqual([]);
    });

    it("dates a shorter history from its first week", () => {
      expect(only(weeks({}, {}), burden(30))?.since).toBe(FIRST);
    });
  });

  it("lists several alerts in one order", () => {
    const heavy = { meetingHours: 20, focusShortDays: 4 };
    expect(kinds(weeks(heavy, heavy))).toEqual(["overload", "focus_deficit"]);
  });
});
