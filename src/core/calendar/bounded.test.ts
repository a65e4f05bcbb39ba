import { describe, expect, it } from "vitest";
import { busyOf, calendarOf, event, read, span } from "./fixtures/build";
import { expandRule, MAX_RULE_CANDIDATES, RuleBudget, ruleStartsWithIcal } from "./recur";
import type { RecurData } from "./types";

const DAY = 86_400_000;

/** A calendar with one repeating "Standup" under `rule` and one ordinary meeting after it. */
const hostile = (rule: string, start = "20260302T090000Z", review = "20260410") =>
  calendarOf(
    ...event("UID:standup@test", "SUMMARY:Standup", `DTSTART:${start}`, "DURATION:PT15M", `RRULE:${rule}`),
    ...event("UID:review@test", "SUMMARY:Review", `DTSTART:${review}T140000Z`, `DTEND:${review}T150000Z`),
  );

describe("recurrence expansion is bounded by construction", () => {
  it("a rule that never matches (DAILY;BYMONTH=2;BYMONTHDAY=30) is reported by name; the rest imports", () => {
    const result = read(hostile("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"));
    expect(result.problems).toEqual([
      {
        uid: "standup@test",
        line: 4,
        problem: "its repeat rule never matches",
        message: "Event 'Standup': its repeat rule never matches",
      },
    ]);
    expect(result.busy.map((i) => new Date(i.start).toISOString())).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-04-10T14:00:00.000Z",
    ]);
  });

  it("a rule that matches only after its candidate budget is cut there and reported (MINUTELY, Feb 29 on a Monday)", () => {
    const result = read(hostile("FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"));
    expect(result.problems.map((p) => p.message)).toEqual([
      `Event 'Standup': its repeat rule matches none of the first ${MAX_RULE_CANDIDATES.toLocaleString("en")} dates it tries`,
    ]);
    expect(result.busy).toHaveLength(2);
  });

  it("HOURLY with BYMINUTE and BYSECOND stops at its budget and keeps the dates found until then", () => {
    const seconds = Array.from({ length: 60 }, (_, s) => s).join(",");
    const result = read(hostile(`FREQ=HOURLY;BYMINUTE=0,15,30,45;BYSECOND=${seconds}`));
    expect(result.problems[0]?.message).toMatch(
      /^Event 'Standup': its repeat rule needs more than 50,000 steps: only [\d,]+ of its dates are counted$/,
    );
    expect(result.instances).toBeLessThanOrEqual(MAX_RULE_CANDIDATES + 2);
    expect(result.busy.at(-1)).toEqual({
      start: Date.parse("2026-04-10T14:00:00Z"),
      end: Date.parse("2026-04-10T15:00:00Z"),
    });
  });

  it("FREQ=WEEKLY;BYMONTHDAY=30 (ical.js throws) is reported; its first date and the rest still count", () => {
    const result = read(hostile("FREQ=WEEKLY;BYMONTHDAY=30"));
    expect(result.problems.map((p) => p.message)).toEqual([
      "Event 'Standup': its repeat rule cannot be used (a WEEKLY rule cannot have BYMONTHDAY): only its first date is counted",
    ]);
    expect(result.busy).toHaveLength(2);
  });

  it("names an event without a title by its UID, and reports other RFC 5545 breaches in words", () => {
    const text = calendarOf(
      ...event("UID:x@test", "DTSTART:20260302T090000Z", "RRULE:FREQ=MONTHLY;BYDAY=6MO"),
    );
    expect(read(text).problems.map((p) => p.message)).toEqual([
      'Event "x@test": its repeat rule cannot be used (BYDAY=6MO is out of range): only its first date is counted',
    ]);
    const weekno = calendarOf(
      ...event("UID:y@test", "DTSTART:20260302T090000Z", "RRULE:FREQ=DAILY;BYWEEKNO=3"),
    );
    expect(read(weekno).problems.map((p) => p.problem)).toEqual([
      "its repeat rule cannot be used (only a YEARLY rule can have BYWEEKNO): only its first date is counted",
    ]);
  });

  it("one budget for the whole calendar: once spent, every further rule stops at once", () => {
    const budget = new RuleBudget(1_000);
    const rule: RecurData = { freq: "MINUTELY", bymonth: 2, bymonthday: 29, byday: "MO" };
    const bounds = {
      start: Date.UTC(2026, 2, 2, 9),
      until: undefined,
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2027, 0, 1),
    };
    expect(expandRule(rule, bounds, budget).shortfall).toEqual({ kind: "out-of-budget", calendarWide: true });
    expect(budget.left).toBe(0);
    const daily: RecurData = { freq: "DAILY", byday: ["MO"] };
    expect(expandRule(daily, bounds, budget)).toEqual({
      starts: [],
      shortfall: { kind: "out-of-budget", calendarWide: true },
    });
  });

  it("moving DTSTART forward by whole periods (no COUNT) gives the same dates inside the window", () => {
    const from = Date.UTC(2026, 2, 1);
    const to = from + 20 * DAY;
    for (const [start, rule] of [
      [Date.UTC(2015, 0, 5, 9, 20), { freq: "HOURLY", interval: 5, byminute: [15, 45] }],
      [Date.UTC(2015, 0, 5, 9, 20), { freq: "DAILY", interval: 3, byhour: [9, 17] }],
      [Date.UTC(2015, 0, 5, 9, 20), { freq: "WEEKLY", interval: 2, byday: ["TU", "TH"], byhour: 8 }],
      [Date.UTC(2026, 0, 5, 9, 20), { freq: "MINUTELY", interval: 7, byhour: 9 }],
    ] as [number, RecurData][]) {
      const all = ruleStartsWithIcal(rule, { start, until: undefined, from: Number.NEGATIVE_INFINITY, to });
      const jumped = expandRule(rule, { start, until: undefined, from, to });
      expect(
        jumped.starts.filter((w) => w >= from),
        rule.freq,
      ).toEqual(all.filter((w) => w >= from));
      expect(jumped.shortfall).toBeUndefined();
    }
  });

  it("a WEEKLY or DAILY rule with COUNT jumps to the window, counting what it skips, as ical.js steps", () => {
    const from = Date.UTC(2026, 2, 1);
    const to = from + 60 * DAY;
    const start = Date.UTC(2005, 0, 5, 9, 20); // a Wednesday
    for (const rule of [
      { freq: "WEEKLY", byday: ["MO", "WE", "FR"], count: 3_000 },
      { freq: "WEEKLY", interval: 2, byday: ["TU", "WE"], wkst: "SU", count: 1_100 },
      { freq: "WEEKLY", count: 1_100 },
      { freq: "DAILY", interval: 3, count: 2_580 },
      { freq: "WEEKLY", byday: ["MO", "WE"], count: 2_000 }, // all spent before the window
    ] as RecurData[]) {
      const all = ruleStartsWithIcal(rule, { start, until: undefined, from: Number.NEGATIVE_INFINITY, to });
      const jumped = expandRule(rule, { start, until: undefined, from, to });
      expect(
        jumped.starts.filter((w) => w >= from),
        JSON.stringify(rule),
      ).toEqual(all.filter((w) => w >= from));
      expect(jumped.starts.length).toBeLessThan(60);
      expect(jumped.shortfall).toBeUndefined();
    }
  });

  it("an hourly rule from years back reaches the horizon without running out of budget", () => {
    const text = hostile("FREQ=HOURLY;INTERVAL=24;BYMINUTE=0", "20100104T090000Z");
    const result = read(text);
    expect(result.problems).toEqual([]);
    expect(busyOf(text).slice(0, 1)).toEqual([span("2025-12-01T09:00Z", "2025-12-01T09:15Z")]);
    expect(result.instances).toBeGreaterThan(400);
  });
});
