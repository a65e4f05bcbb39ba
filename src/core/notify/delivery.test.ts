import { describe, expect, it } from "vitest";
import { utc, weekdays } from "../../../test/support/time";
import { personDateRangeToInterval, type WorkingTimeProfile } from "../time";
import { deliveryTime } from "./delivery";

const at = (
  person: WorkingTimeProfile,
  now: number,
  hours: Parameters<typeof deliveryTime>[0]["hours"] = "working_hours",
) => deliveryTime({ now, urgent: false, hours, person });
const office = (timeZone: string, start = "09:00", end = "17:30"): WorkingTimeProfile => ({
  timeZone,
  week: weekdays(start, end),
});
const later = (deliverAt: number, afterAbsence = false) => ({ deliverAt, outsideHours: true, afterAbsence });

describe("deliveryTime: working hours across zones", () => {
  it("delivers at once inside Tokyo working hours and at the next morning after them", () => {
    const tokyo = office("Asia/Tokyo");
    const mondayTenJst = utc(2026, 5, 4, 1);
    expect(at(tokyo, mondayTenJst)).toEqual({
      deliverAt: mondayTenJst,
      outsideHours: false,
      afterAbsence: false,
    });
    expect(at(tokyo, utc(2026, 5, 4, 9))).toEqual(later(utc(2026, 5, 5, 0))); // 18:00 JST → Tue 09:00 JST
  });

  it("holds a Friday-evening New York message until Monday 09:00 EDT", () => {
    expect(at(office("America/New_York"), utc(2026, 5, 9, 2))).toEqual(later(utc(2026, 5, 11, 13)));
  });

  it("counts Kolkata's half-hour offset", () => {
    const kolkata = office("Asia/Kolkata", "10:00", "18:00");
    expect(at(kolkata, utc(2026, 5, 4, 3))).toEqual(later(utc(2026, 5, 4, 4, 30))); // 08:30 IST → 10:00 IST
  });

  it("counts Chatham's +12:45 offset, across the date line into Monday", () => {
    const chatham = office("Pacific/Chatham", "09:00", "17:00");
    // Sunday 7 June 2026, 10:00Z is Sunday 22:45 in Chatham; Monday 09:00 +12:45 is Sunday 20:15Z.
    expect(at(chatham, utc(2026, 6, 7, 10))).toEqual(later(utc(2026, 6, 7, 20, 15)));
  });

  it("finds the Monday after a DST change at the new offset (London and New York)", () => {
    expect(at(office("Europe/London"), utc(2026, 3, 27, 18))).toEqual(later(utc(2026, 3, 30, 8)));
    expect(at(office("Europe/London"), utc(2026, 10, 23, 17))).toEqual(later(utc(2026, 10, 26, 9)));
    expect(at(office("America/New_York"), utc(2026, 3, 7, 12))).toEqual(later(utc(2026, 3, 9, 13)));
    expect(at(office("America/New_York"), utc(2026, 10, 31, 12))).toEqual(later(utc(2026, 11, 2, 14)));
  });
});

describe("deliveryTime: explicit notification hours", () => {
  const daytime = { start: "08:00", end: "20:00" };

  it("apply at weekends too: they are notification hours, not working days", () => {
    const london = office("Europe/London");
    const saturdayNoon = utc(2026, 5, 9, 11);
    expect(at(london, saturdayNoon, daytime).deliverAt).toBe(saturdayNoon);
    expect(at(london, saturdayNoon).deliverAt).toBe(utc(2026, 5, 11, 8));
  });

  it("follow the wall clock on London's spring-forward and fall-back Sundays", () => {
    const london = office("Europe/London");
    expect(at(london, utc(2026, 3, 28, 6), daytime)).toEqual(later(utc(2026, 3, 28, 8))); // GMT
    expect(at(london, utc(2026, 3, 29, 6), daytime)).toEqual(later(utc(2026, 3, 29, 7))); // BST from 01:00Z
    expect(at(london, utc(2026, 10, 24, 6), daytime)).toEqual(later(utc(2026, 10, 24, 7))); // BST
    expect(at(london, utc(2026, 10, 25, 6), daytime)).toEqual(later(utc(2026, 10, 25, 8))); // GMT from 01:00Z
  });

  it("take the first 01:30 of a fall-back night and move a skipped start forward, as working hours do", () => {
    const london = office("Europe/London");
    const night = { start: "01:30", end: "06:00" };
    expect(at(london, utc(2026, 10, 25, 0), night)).toEqual(later(utc(2026, 10, 25, 0, 30))); // 01:30 BST
    // 01:30 does not exist on 29 March; like workingIntervals (RFC 5545) it becomes 02:30 BST.
    expect(at(london, utc(2026, 3, 29, 0), night)).toEqual(later(utc(2026, 3, 29, 1, 30)));
  });

  it("cross midnight when the end is before the start", () => {
    const tokyo = office("Asia/Tokyo");
    const nights = { start: "22:00", end: "06:00" };
    expect(at(tokyo, utc(2026, 5, 4, 3), nights)).toEqual(later(utc(2026, 5, 4, 13))); // noon → 22:00 JST
    const saturdayFiveJst = utc(2026, 5, 8, 20);
    expect(at(tokyo, saturdayFiveJst, nights).deliverAt).toBe(saturdayFiveJst);
    expect(at(tokyo, utc(2026, 5, 8, 21), nights)).toEqual(later(utc(2026, 5, 9, 13))); // 06:00 is outside
  });

  it("treat 00:00–24:00 (and a start equal to the end) as the whole day", () => {
    const person = office("Pacific/Chatham");
    const sundayNight = utc(2026, 6, 7, 14);
    for (const hours of [
      { start: "00:00", end: "24:00" },
      { start: "07:00", end: "07:00" },
    ]) {
      expect(at(person, sundayNight, hours).deliverAt).toBe(sundayNight);
    }
    expect(at(person, sundayNight, { start: "09:00", end: "24:00" })).toEqual(later(utc(2026, 6, 7, 20, 15)));
  });
});

describe("deliveryTime: travel and absences", () => {
  it("uses the zone the person has travelled to", () => {
    const traveller = office("Europe/London", "09:00", "17:00");
    const tuesdayEveningBst = utc(2026, 5, 5, 17);
    expect(at(traveller, tuesdayEveningBst)).toEqual(later(utc(2026, 5, 6, 8)));
    const inTokyo = { ...traveller, zoneChanges: [{ from: "2026-05-06", timeZone: "Asia/Tokyo" }] };
    expect(at(inTokyo, tuesdayEveningBst)).toEqual(later(utc(2026, 5, 6, 0))); // Wed 09:00 JST
  });

  it("waits for the return from an absence and says so", () => {
    const newYork = office("America/New_York");
    const away = personDateRangeToInterval(newYork, "2026-05-11", "2026-05-13");
    const person = { ...newYork, absences: [away] };
    expect(at(person, utc(2026, 5, 9, 2))).toEqual(later(utc(2026, 5, 14, 13), true));
    const wednesdayNoon = utc(2026, 5, 13, 16);
    expect(at(person, wednesdayNoon)).toEqual(later(utc(2026, 5, 14, 13), true));
    expect(
      deliveryTime({ now: wednesdayNoon, urgent: false, hours: { start: "07:00", end: "22:00" }, person }),
    ).toEqual(later(utc(2026, 5, 14, 11), true));
  });

  it("delivers at the moment of return when the person comes back in the middle of their hours", () => {
    const london = office("Europe/London");
    const person = { ...london, absences: [{ start: utc(2026, 5, 4), end: utc(2026, 5, 5, 11) }] };
    expect(at(person, utc(2026, 5, 4, 12))).toEqual(later(utc(2026, 5, 5, 11), true));
  });

  it("does not blame an absence that only covers time outside the hours", () => {
    const newYork = office("America/New_York");
    const weekend = personDateRangeToInterval(newYork, "2026-05-09", "2026-05-10");
    expect(at({ ...newYork, absences: [weekend] }, utc(2026, 5, 9, 2))).toEqual(later(utc(2026, 5, 11, 13)));
  });

  it("finds the return after a leave longer than the search horizon", () => {
    const london = office("Europe/London");
    const leave = personDateRangeToInterval(london, "2026-05-04", "2026-08-28"); // 117 days
    expect(at({ ...london, absences: [leave] }, utc(2026, 5, 4, 10))).toEqual(
      later(utc(2026, 8, 31, 8), true),
    );
  });
});

describe("deliveryTime: urgent and edge cases", () => {
  it("sends urgent notifications at once and records whether that was outside the hours", () => {
    const newYork = office("America/New_York");
    const saturday = utc(2026, 5, 9, 16);
    expect(deliveryTime({ now: saturday, urgent: true, hours: "working_hours", person: newYork })).toEqual({
      deliverAt: saturday,
      outsideHours: true,
      afterAbsence: false,
    });
    const monday = utc(2026, 5, 11, 14);
    expect(deliveryTime({ now: monday, urgent: true, hours: "working_hours", person: newYork })).toEqual({
      deliverAt: monday,
      outsideHours: false,
      afterAbsence: false,
    });
    const away = { ...newYork, absences: [{ start: monday - 1, end: monday + 1 }] };
    expect(
      deliveryTime({ now: monday, urgent: true, hours: "working_hours", person: away }).outsideHours,
    ).toBe(true);
  });

  it("never holds back a notification for a person with no working hours at all", () => {
    const now = utc(2026, 5, 4, 12);
    expect(at({ timeZone: "UTC", week: {} }, now)).toEqual({
      deliverAt: now,
      outsideHours: true,
      afterAbsence: false,
    });
  });
});
