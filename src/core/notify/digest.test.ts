import { describe, expect, it } from "vitest";
import { utc } from "../../../test/support/time";
import { DEFAULT_DIGEST_TIME, nextDigestAt } from "./digest";

const digest = (timeZone: string, after: number, localTime = DEFAULT_DIGEST_TIME) =>
  nextDigestAt({ after, localTime, person: { timeZone } });

describe("nextDigestAt", () => {
  it("is 08:30 local by default, today if it is still to come, else tomorrow", () => {
    expect(digest("Asia/Tokyo", utc(2026, 5, 3, 20))).toBe(utc(2026, 5, 3, 23, 30)); // 05:00 JST → 08:30 JST
    expect(digest("Asia/Tokyo", utc(2026, 5, 4, 0))).toBe(utc(2026, 5, 4, 23, 30)); // 09:00 JST → tomorrow
  });

  it("is strictly after `after`", () => {
    const sent = utc(2026, 5, 4, 12, 30); // 08:30 EDT
    expect(digest("America/New_York", sent)).toBe(utc(2026, 5, 5, 12, 30));
    expect(digest("America/New_York", sent - 1)).toBe(sent);
  });

  it("honours odd offsets: Kolkata +5:30 and Chatham +12:45/+13:45", () => {
    expect(digest("Asia/Kolkata", utc(2026, 5, 4, 0))).toBe(utc(2026, 5, 4, 3));
    expect(digest("Pacific/Chatham", utc(2026, 6, 7, 12))).toBe(utc(2026, 6, 7, 19, 45)); // winter, +12:45
    expect(digest("Pacific/Chatham", utc(2026, 1, 7, 12))).toBe(utc(2026, 1, 7, 18, 45)); // summer, +13:45
  });

  it("keeps the local time on both sides of a DST change", () => {
    expect(digest("Europe/London", utc(2026, 3, 28, 9))).toBe(utc(2026, 3, 29, 7, 30));
    expect(digest("Europe/London", utc(2026, 10, 24, 9))).toBe(utc(2026, 10, 25, 8, 30));
    expect(digest("America/New_York", utc(2026, 3, 7, 14))).toBe(utc(2026, 3, 8, 12, 30));
    expect(digest("America/New_York", utc(2026, 10, 31, 13))).toBe(utc(2026, 11, 1, 13, 30));
  });

  it("goes when the clocks jump past a skipped time, and at the first of a repeated one", () => {
    // London skips 01:00–02:00 on 29 March 2026 (at 01:00Z) and repeats 01:00–02:00 on 25 October.
    expect(digest("Europe/London", utc(2026, 3, 28, 9), "01:30")).toBe(utc(2026, 3, 29, 1));
    expect(digest("Europe/London", utc(2026, 10, 24, 9), "01:30")).toBe(utc(2026, 10, 25, 0, 30));
    expect(digest("Europe/London", utc(2026, 10, 25, 0, 30), "01:30")).toBe(utc(2026, 10, 26, 1, 30));
    // New York skips 02:00–03:00 on 8 March 2026 (at 07:00Z).
    expect(digest("America/New_York", utc(2026, 3, 7, 12), "02:30")).toBe(utc(2026, 3, 8, 7));
  });

  it("follows the person's travel", () => {
    const person = {
      timeZone: "Europe/London",
      zoneChanges: [{ from: "2026-05-06", timeZone: "Asia/Tokyo" }],
    };
    const tuesdayNoonBst = utc(2026, 5, 5, 11);
    expect(nextDigestAt({ after: tuesdayNoonBst, localTime: "08:30", person })).toBe(utc(2026, 5, 5, 23, 30));
    expect(
      nextDigestAt({ after: tuesdayNoonBst, localTime: "08:30", person: { timeZone: "Europe/London" } }),
    ).toBe(utc(2026, 5, 6, 7, 30));
  });

  it("refuses a time that is not HH:MM", () => {
    expect(() => digest("UTC", 0, "8:30")).toThrow(RangeError);
    expect(() => digest("UTC", 0, "24:00")).toThrow(RangeError);
  });
});
