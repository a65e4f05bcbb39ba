import { describe, expect, it } from "vitest";
import { busyOf, calendarOf, event, span } from "./fixtures/build";

/** A VTIMEZONE named `tzid` with Central European rules (+01:00, summer +02:00). */
const cetZone = (tzid: string) => [
  "BEGIN:VTIMEZONE",
  `TZID:${tzid}`,
  "BEGIN:STANDARD",
  "DTSTART:19701025T030000",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700329T020000",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
];

/** A weekly Monday 09:00–10:00 UTC series from 2 March 2026, with `extra` events after it. */
const weekly = (...extra: string[]) =>
  calendarOf(
    ...event(
      "UID:weekly@test",
      "SUMMARY:Planning",
      "DTSTART:20260302T090000Z",
      "DTEND:20260302T100000Z",
      "RRULE:FREQ=WEEKLY;COUNT=4",
    ),
    ...extra,
  );

describe("correct where other readers are correct", () => {
  it("a VTIMEZONE in the file wins over the IANA zone of the same name, matched in any letter case", () => {
    const text = calendarOf(
      ...cetZone("Europe/lisbon"),
      ...event(
        "UID:a@test",
        "DTSTART;TZID=Europe/Lisbon:20260615T090000",
        "DTEND;TZID=Europe/Lisbon:20260615T100000",
      ),
      ...event(
        "UID:b@test",
        "DTSTART;TZID=Europe/lisbon:20260616T090000",
        "DTEND;TZID=Europe/lisbon:20260616T100000",
      ),
    );
    // Lisbon itself would be 08:00Z in June; the file's CET rules make it 07:00Z.
    expect(busyOf(text)).toEqual([
      span("2026-06-15T07:00Z", "2026-06-15T08:00Z"),
      span("2026-06-16T07:00Z", "2026-06-16T08:00Z"),
    ]);
  });

  it("a VTIMEZONE that agrees with its IANA zone reads the same as that zone", () => {
    const text = calendarOf(
      ...cetZone("Europe/Berlin"),
      ...event("UID:a@test", "DTSTART;TZID=Europe/Berlin:20260329T090000", "DURATION:PT1H"),
    );
    expect(busyOf(text)).toEqual([span("2026-03-29T07:00Z", "2026-03-29T08:00Z")]);
  });

  it("RECURRENCE-ID;RANGE=THISANDFUTURE moves that instance and every later one, with the override's length", () => {
    const text = weekly(
      ...event(
        "UID:weekly@test",
        "RECURRENCE-ID;RANGE=THISANDFUTURE:20260316T090000Z",
        "DTSTART:20260316T130000Z",
        "DTEND:20260316T133000Z",
      ),
    );
    expect(busyOf(text)).toEqual([
      span("2026-03-02T09:00Z", "2026-03-02T10:00Z"),
      span("2026-03-09T09:00Z", "2026-03-09T10:00Z"),
      span("2026-03-16T13:00Z", "2026-03-16T13:30Z"),
      span("2026-03-23T13:00Z", "2026-03-23T13:30Z"),
    ]);
  });

  it("an override whose RECURRENCE-ID matches no instance adds no phantom event", () => {
    const text = weekly(
      ...event(
        "UID:weekly@test",
        "RECURRENCE-ID:20260317T090000Z",
        "DTSTART:20260318T150000Z",
        "DURATION:PT1H",
      ),
    );
    expect(busyOf(text)).toHaveLength(4);
    expect(
      busyOf(text)
        .flat()
        .some((t) => t.startsWith("2026-03-18")),
    ).toBe(false);
  });

  it("an override of a single (not repeating) event replaces it instead of adding a second one", () => {
    const text = calendarOf(
      ...event("UID:one@test", "DTSTART:20260302T090000Z", "DURATION:PT1H"),
      ...event("UID:one@test", "RECURRENCE-ID:20260302T090000Z", "DTSTART:20260302T140000Z", "DURATION:PT1H"),
    );
    expect(busyOf(text)).toEqual([span("2026-03-02T14:00Z", "2026-03-02T15:00Z")]);
  });

  it("of several versions of one UID and RECURRENCE-ID, the highest SEQUENCE wins (in any order)", () => {
    const moved = (sequence: number, hour: string) =>
      event(
        "UID:weekly@test",
        `SEQUENCE:${sequence}`,
        "RECURRENCE-ID:20260309T090000Z",
        `DTSTART:20260309T${hour}0000Z`,
        "DURATION:PT1H",
      );
    const text = weekly(...moved(2, "15"), ...moved(3, "11"), ...moved(1, "17"));
    expect(busyOf(text)[1]).toEqual(span("2026-03-09T11:00Z", "2026-03-09T12:00Z"));
    expect(busyOf(text)).toHaveLength(4);
  });

  it("of two versions of a whole event, only the one with the highest SEQUENCE counts", () => {
    const version = (sequence: number, day: string) =>
      event("UID:v@test", `SEQUENCE:${sequence}`, `DTSTART:202603${day}T090000Z`, "DURATION:PT1H");
    const text = calendarOf(...version(5, "04"), ...version(4, "05"));
    expect(busyOf(text)).toEqual([span("2026-03-04T09:00Z", "2026-03-04T10:00Z")]);
  });
});
