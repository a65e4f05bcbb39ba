import { describe, expect, it } from "vitest";
import { daysInWords, scheduleInWords } from "./schedule-text";

describe("a ritual's schedule in words", () => {
  it("joins runs of three or more days with a dash and lists the rest", () => {
    expect(daysInWords(["mon", "tue", "wed", "thu", "fri"])).toBe("Mon–Fri");
    expect(daysInWords(["fri", "mon", "wed"])).toBe("Mon, Wed, Fri");
    expect(daysInWords(["sat", "sun"])).toBe("Sat, Sun");
    expect(daysInWords(["mon", "tue", "wed", "sat", "sun"])).toBe("Mon–Wed, Sat, Sun");
    expect(daysInWords(["sun", "sat", "fri", "thu", "wed", "tue", "mon"])).toBe("Every day");
  });

  it("says the time is each person's own, or the start of their working day", () => {
    expect(scheduleInWords({ days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" })).toBe(
      "Mon–Fri at 09:30, each person's own time",
    );
    expect(scheduleInWords({ days: ["mon"], localTime: "start_of_day" })).toBe(
      "Mon at the start of each person's working day",
    );
  });
});
