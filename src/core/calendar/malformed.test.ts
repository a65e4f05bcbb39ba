import { describe, expect, it } from "vitest";
import { calendarOf, event, read } from "./fixtures/build";
import { IcsError } from "./types";

/** The error a calendar whose one event holds `lines` is refused with (line 6 is the first of them). */
function refusal(...lines: string[]): IcsError {
  try {
    read(calendarOf(...event("UID:a@test", ...lines)));
  } catch (err) {
    expect(err).toBeInstanceOf(IcsError);
    return err as IcsError;
  }
  throw new Error("the calendar was accepted");
}

describe("what cannot be read gets a sentence with its line", () => {
  const cases: [lines: string[], message: string, line: number | undefined][] = [
    [["DTSTART:2019011"], 'Line 6: DTSTART "2019011" is not a date', 6],
    [["DTSTART:20190230T100000Z"], 'Line 6: DTSTART "20190230T100000Z" is not a date', 6],
    [["DTSTART:20190101T100000Z", "DTEND:2019-01-01"], 'Line 7: DTEND "2019-01-01" is not a date', 7],
    [
      ["DTSTART:20190101T100000Z", "EXDATE:20190108T100000Z,20191332T100000Z"],
      'Line 7: EXDATE "20191332T100000Z" is not a date',
      7,
    ],
    [
      ["DTSTART:20190101T100000Z", "DURATION:PT1X"],
      'Line 7: DURATION "PT1X" is not a duration such as PT1H30M',
      7,
    ],
    [
      ["DTSTART:20190101T100000Z", "RRULE:RSCALE=HEBREW;FREQ=YEARLY"],
      "Line 7: RSCALE calendars are not supported",
      7,
    ],
    [
      ["DTSTART:20190101T100000Z", "RRULE:FREQ=FORTNIGHTLY"],
      'Line 7: RRULE FREQ "FORTNIGHTLY" is not a frequency (DAILY, WEEKLY, MONTHLY, …)',
      7,
    ],
    [
      ["DTSTART:20190101T100000Z", "RRULE:FREQ=DAILY;UNTIL=2019"],
      'Line 7: RRULE UNTIL "2019" is not a date',
      7,
    ],
    [["SUMMARY:Board meeting"], 'Line 5: event "a@test" has no DTSTART', 5],
    [["DTSTART:20190101T100000Z", "Merger talks with Acme"], "Line 7: not a content line (NAME:value)", 7],
  ];

  it.each(cases)("%j → %s", (lines, message, line) => {
    const err = refusal(...lines);
    expect(err.message).toBe(message);
    expect(err.line).toBe(line);
  });

  it("names a calendar scale it does not read", () => {
    const text = calendarOf("CALSCALE:CHINESE", ...event("UID:a@test", "DTSTART:20190101T100000Z"));
    expect(() => read(text)).toThrow(
      "Line 4: calendars in another calendar scale than the Gregorian (CALSCALE:CHINESE) are not supported",
    );
  });

  it("never passes on a library's own error text", () => {
    const texts = [
      calendarOf(...event("UID:a@test", "DTSTART;TZID=Europe/Paris:20190101T1000")),
      calendarOf(...event("UID:a@test", "DTSTART:20190101T100000Z", "RRULE:FREQ=DAILY;BYHOUR=x")),
      calendarOf(
        ...event("UID:a@test", "DTSTART:20190101T100000Z", "RDATE;VALUE=PERIOD:20190102T100000Z/soon"),
      ),
    ];
    for (const text of texts) {
      let message = "";
      expect(() => {
        try {
          read(text);
        } catch (err) {
          message = (err as Error).message;
          throw err;
        }
      }).toThrow(IcsError);
      expect(message).toMatch(/^Line \d+: [A-Z]+ /);
      expect(message).not.toMatch(/invalid|undefined|TypeError|token/);
    }
  });
});
