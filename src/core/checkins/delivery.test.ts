import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import type { WeekPattern, WorkingTimeProfile } from "../time";
import { deliveryOn, nextDelivery, openDeliveries, type RitualTiming } from "./delivery";

const standup: RitualTiming = {
  schedule: { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" },
  windowHours: 24,
};
const office = (timeZone: string, extra: Partial<WorkingTimeProfile> = {}): WorkingTimeProfile => ({
  timeZone,
  week: weekdays("09:00", "17:30"),
  ...extra,
});
const deliverAt = (profile: WorkingTimeProfile, date: string, ritual = standup) =>
  deliveryOn(profile, ritual, date)?.deliverAt ?? null;

describe("deliveryOn: 09:30 in each participant's own zone", () => {
  it("gives each zone's 09:30 on an ordinary day (Wednesday 10 June 2026)", () => {
    expect(deliverAt(office("Europe/London"), "2026-06-10")).toBe(utc(2026, 6, 10, 8, 30)); // BST +1
    expect(deliverAt(office("America/New_York"), "2026-06-10")).toBe(utc(2026, 6, 10, 13, 30)); // EDT −4
    expect(deliverAt(office("Australia/Sydney"), "2026-06-10")).toBe(utc(2026, 6, 9, 23, 30)); // AEST +10
    expect(deliverAt(office("Asia/Kolkata"), "2026-06-10")).toBe(utc(2026, 6, 10, 4)); // IST +5:30
    expect(deliverAt(office("Pacific/Chatham"), "2026-06-10")).toBe(utc(2026, 6, 9, 20, 45)); // +12:45
  });

  it("names the local date and zone, and the window's close", () => {
    expect(deliveryOn(office("Australia/Sydney"), standup, "2026-06-10")).toMatchObject({
      localDate: "2026-06-10",
      timeZone: "Australia/Sydney",
      closesAt: utc(2026, 6, 10, 23, 30),
    });
  });

  it("follows London across both changes (29 March and 25 October 2026)", () => {
    const london = office("Europe/London");
    expect(deliverAt(london, "2026-03-27")).toBe(utc(2026, 3, 27, 9, 30)); // Friday, GMT
    expect(deliverAt(london, "2026-03-30")).toBe(utc(2026, 3, 30, 8, 30)); // Monday, BST
    expect(deliverAt(london, "2026-10-23")).toBe(utc(2026, 10, 23, 8, 30)); // Friday, BST
    expect(deliverAt(london, "2026-10-26")).toBe(utc(2026, 10, 26, 9, 30)); // Monday, GMT
  });

  it("follows New York across both changes (8 March and 1 November 2026)", () => {
    const newYork = office("America/New_York");
    expect(deliverAt(newYork, "2026-03-06")).toBe(utc(2026, 3, 6, 14, 30)); // EST
    expect(deliverAt(newYork, "2026-03-09")).toBe(utc(2026, 3, 9, 13, 30)); // EDT
    expect(deliverAt(newYork, "2026-10-30")).toBe(utc(2026, 10, 30, 13, 30)); // EDT
    expect(deliverAt(newYork, "2026-11-02")).toBe(utc(2026, 11, 2, 14, 30)); // EST
  });

  it("follows Sydney across both changes (5 April and 4 October 2026)", () => {
    const sydney = office("Australia/Sydney");
    expect(deliverAt(sydney, "2026-04-03")).toBe(utc(2026, 4, 2, 22, 30)); // AEDT +11
    expect(deliverAt(sydney, "2026-04-06")).toBe(utc(2026, 4, 5, 23, 30)); // AEST +10
    expect(deliverAt(sydney, "2026-10-02")).toBe(utc(2026, 10, 1, 23, 30)); // AEST
    expect(deliverAt(sydney, "2026-10-05")).toBe(utc(2026, 10, 4, 22, 30)); // AEDT
  });

  it("follows Chatham across both changes (5 April and 27 September 2026)", () => {
    const chatham = office("Pacific/Chatham");
    expect(deliverAt(chatham, "2026-04-03")).toBe(utc(2026, 4, 2, 19, 45)); // +13:45
    expect(deliverAt(chatham, "2026-04-06")).toBe(utc(2026, 4, 5, 20, 45)); // +12:45
    expect(deliverAt(chatham, "2026-09-25")).toBe(utc(2026, 9, 24, 20, 45)); // +12:45
    expect(deliverAt(chatham, "2026-09-28")).toBe(utc(2026, 9, 27, 19, 45)); // +13:45
  });

  it("keeps Kolkata at 04:00Z through everyone else's changes", () => {
    const kolkata = office("Asia/Kolkata");
    for (const date of ["2026-03-09", "2026-03-30", "2026-04-06", "2026-09-28", "2026-10-26", "2026-11-02"]) {
      const [y, m, d] = date.split("-").map(Number) as [number, number, number];
      expect(deliverAt(kolkata, date)).toBe(utc(y, m, d, 4));
    }
  });

  it("decides the day by the local date, not the UTC one", () => {
    const sydney = office("Australia/Sydney");
    // Monday 09:30 in Sydney is still Sunday in UTC; Sunday in Sydney gets nothing.
    expect(deliverAt(sydney, "2026-04-06")).toBe(utc(2026, 4, 5, 23, 30));
    expect(deliveryOn(sydney, standup, "2026-04-05")).toBeNull();
  });

  it("moves a wall time inside the spring-forward gap forward by the gap (02:30 → 03:30 EDT)", () => {
    const everyDay: WeekPattern = { sun: [{ start: "00:00", end: "24:00" }] };
    const sundays: RitualTiming = { schedule: { days: ["sun"], localTime: "02:30" }, windowHours: 24 };
    const newYork = { timeZone: "America/New_York", week: everyDay };
    expect(deliverAt(newYork, "2026-03-08", sundays)).toBe(utc(2026, 3, 8, 7, 30)); // 03:30 EDT
    expect(deliverAt(newYork, "2026-03-01", sundays)).toBe(utc(2026, 3, 1, 7, 30)); // 02:30 EST
  });

  it("takes the first of a repeated wall time (01:30 on 1 November 2026 in New York, still EDT)", () => {
    const sundays: RitualTiming = { schedule: { days: ["sun"], localTime: "01:30" }, windowHours: 24 };
    const newYork = { timeZone: "America/New_York", week: { sun: [{ start: "00:00", end: "24:00" }] } };
    expect(deliverAt(newYork, "2026-11-01", sundays)).toBe(utc(2026, 11, 1, 5, 30));
  });
});

describe("deliveryOn: travel, days off and absences", () => {
  it("follows the new zone from the day of a trip (London → New York from 10 June)", () => {
    const traveller = office("Europe/London", {
      zoneChanges: [{ from: "2026-06-10", timeZone: "America/New_York" }],
    });
    expect(deliveryOn(traveller, standup, "2026-06-09")).toMatchObject({
      timeZone: "Europe/London",
      deliverAt: utc(2026, 6, 9, 8, 30),
    });
    expect(deliveryOn(traveller, standup, "2026-06-10")).toMatchObject({
      timeZone: "America/New_York",
      deliverAt: utc(2026, 6, 10, 13, 30),
    });
  });

  it("follows a trip east across the date line (New York → Sydney from Monday 15 June)", () => {
    const traveller = office("America/New_York", {
      zoneChanges: [{ from: "2026-06-15", timeZone: "Australia/Sydney" }],
    });
    expect(deliverAt(traveller, "2026-06-12")).toBe(utc(2026, 6, 12, 13, 30)); // Friday in New York
    expect(deliverAt(traveller, "2026-06-15")).toBe(utc(2026, 6, 14, 23, 30)); // Monday in Sydney
  });

  it("skips a day the person is absent for all of their working time", () => {
    const away = office("Europe/London", {
      absences: [{ start: utc(2026, 6, 9, 23), end: utc(2026, 6, 10, 23) }],
    });
    expect(deliveryOn(away, standup, "2026-06-10")).toBeNull();
    expect(deliverAt(away, "2026-06-11")).toBe(utc(2026, 6, 11, 8, 30));
  });

  it("still delivers on a day with only part of it away", () => {
    const morningOff = office("Europe/London", {
      absences: [{ start: utc(2026, 6, 9, 23), end: utc(2026, 6, 10, 10) }],
    });
    expect(deliverAt(morningOff, "2026-06-10")).toBe(utc(2026, 6, 10, 8, 30));
  });

  it("skips the weekend and a day off in the person's week", () => {
    expect(deliveryOn(office("Europe/London"), standup, "2026-06-13")).toBeNull(); // Saturday: not a ritual day
    const fourDays: WorkingTimeProfile = {
      timeZone: "Europe/London",
      week: { ...weekdays("09:00", "17:30"), fri: [] },
    };
    expect(deliveryOn(fourDays, standup, "2026-06-12")).toBeNull();
    expect(deliverAt(fourDays, "2026-06-11")).toBe(utc(2026, 6, 11, 8, 30));
  });

  it("delivers start_of_day at the start of each person's own working day", () => {
    const weekly: RitualTiming = { schedule: { days: ["fri"], localTime: "start_of_day" }, windowHours: 72 };
    const early: WorkingTimeProfile = { timeZone: "Asia/Kolkata", week: weekdays("08:00", "16:00") };
    expect(deliverAt(early, "2026-06-12", weekly)).toBe(utc(2026, 6, 12, 2, 30)); // 08:00 IST
    const split: WorkingTimeProfile = {
      timeZone: "Europe/London",
      week: {
        fri: [
          { start: "13:00", end: "17:00" },
          { start: "07:30", end: "10:00" },
        ],
      },
    };
    expect(deliverAt(split, "2026-06-12", weekly)).toBe(utc(2026, 6, 12, 6, 30)); // 07:30 BST
  });

  it("delivers start_of_day when the person comes back from a morning absence (11:00)", () => {
    const weekly: RitualTiming = { schedule: { days: ["fri"], localTime: "start_of_day" }, windowHours: 72 };
    const late = office("Europe/London", {
      absences: [{ start: utc(2026, 6, 11, 20), end: utc(2026, 6, 12, 10) }],
    });
    expect(deliverAt(late, "2026-06-12", weekly)).toBe(utc(2026, 6, 12, 10)); // 11:00 BST
  });
});

describe("deliveryOn: lateAfter and the reminder", () => {
  const london = office("Europe/London");

  it("keeps half the window when it falls inside working time", () => {
    const short: RitualTiming = { ...standup, windowHours: 8 };
    expect(deliveryOn(london, short, "2026-06-10")).toMatchObject({
      lateAfter: utc(2026, 6, 10, 12, 30), // 13:30 BST
      closesAt: utc(2026, 6, 10, 16, 30),
      remind: true,
    });
  });

  it("moves a half-way point in the evening to the next morning's start", () => {
    // Half of 24 h after 09:30 is 21:30; the next working time starts Thursday 09:00, before the close.
    expect(deliveryOn(london, standup, "2026-06-10")).toMatchObject({
      lateAfter: utc(2026, 6, 11, 8),
      closesAt: utc(2026, 6, 11, 8, 30),
      remind: true,
    });
  });

  it("caps at the close, with no reminder, when no working time comes before it", () => {
    // Friday: the next working time is Monday, after the window closes on Saturday.
    expect(deliveryOn(london, standup, "2026-06-12")).toMatchObject({
      lateAfter: utc(2026, 6, 13, 8, 30),
      closesAt: utc(2026, 6, 13, 8, 30),
      remind: false,
    });
  });

  it("skips an absence when moving the reminder forward", () => {
    const away = office("Europe/London", {
      absences: [{ start: utc(2026, 6, 10, 16), end: utc(2026, 6, 11, 8, 15) }],
    });
    expect(deliveryOn(away, standup, "2026-06-10")).toMatchObject({
      lateAfter: utc(2026, 6, 11, 8, 15),
      remind: true,
    });
  });
});

describe("openDeliveries", () => {
  const london = office("Europe/London");
  const sydney = office("Australia/Sydney");

  it("holds the day's delivery until its close, around local midnight (24 h window)", () => {
    const lateWednesday = utc(2026, 6, 10, 22, 59); // 23:59 BST
    expect(openDeliveries(london, standup, lateWednesday).map((d) => d.localDate)).toEqual(["2026-06-10"]);
    // Thursday 00:00 in Sydney: Wednesday's delivery is still open, Thursday's not yet delivered.
    expect(openDeliveries(sydney, standup, utc(2026, 6, 10, 14)).map((d) => d.localDate)).toEqual([
      "2026-06-10",
    ]);
  });

  it("opens at deliverAt and closes at closesAt (half-open)", () => {
    expect(openDeliveries(london, standup, utc(2026, 6, 11, 8, 29)).map((d) => d.localDate)).toEqual([
      "2026-06-10",
    ]);
    expect(openDeliveries(london, standup, utc(2026, 6, 11, 8, 30)).map((d) => d.localDate)).toEqual([
      "2026-06-11",
    ]);
    expect(openDeliveries(london, standup, utc(2026, 6, 13, 8, 30))).toEqual([]); // Saturday after the close
  });

  it("lists overlapping windows oldest first (72 h window)", () => {
    const long: RitualTiming = { ...standup, windowHours: 72 };
    const open = openDeliveries(london, long, utc(2026, 6, 10, 12));
    expect(open.map((d) => d.localDate)).toEqual(["2026-06-08", "2026-06-09", "2026-06-10"]);
    const weekly: RitualTiming = { schedule: { days: ["fri"], localTime: "start_of_day" }, windowHours: 72 };
    expect(openDeliveries(london, weekly, utc(2026, 6, 14, 12))).toEqual([
      expect.objectContaining({
        localDate: "2026-06-12",
        deliverAt: utc(2026, 6, 12, 8),
        closesAt: utc(2026, 6, 15, 8),
      }),
    ]);
  });
});

describe("nextDelivery", () => {
  const london = office("Europe/London");

  it("finds the next working day's delivery, or the one starting exactly then", () => {
    expect(nextDelivery(london, standup, utc(2026, 6, 12, 10))?.deliverAt).toBe(utc(2026, 6, 15, 8, 30));
    expect(nextDelivery(london, standup, utc(2026, 6, 15, 8, 30))?.localDate).toBe("2026-06-15");
  });

  it("skips an absence and gives up after the horizon", () => {
    const away = office("Europe/London", { absences: [{ start: utc(2026, 6, 14), end: utc(2026, 6, 20) }] });
    expect(nextDelivery(away, standup, utc(2026, 6, 12, 10))?.localDate).toBe("2026-06-22");
    expect(nextDelivery(london, standup, utc(2026, 6, 12, 10), 1)).toBeNull();
    expect(nextDelivery({ timeZone: "Europe/London", week: {} }, standup, utc(2026, 6, 12))).toBeNull();
  });

  it("crosses a DST change at the new offset", () => {
    expect(nextDelivery(london, standup, utc(2026, 3, 27, 12))?.deliverAt).toBe(utc(2026, 3, 30, 8, 30));
    expect(nextDelivery(london, standup, utc(2026, 3, 27, 12), 3)?.deliverAt).toBe(utc(2026, 3, 30, 8, 30));
    expect(nextDelivery(london, standup, utc(2026, 3, 27, 12), 2)).toBeNull();
  });
});
