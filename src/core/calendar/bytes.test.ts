import { describe, expect, it } from "vitest";
import { expandBusy } from "./expand";
import { parseIcs, parseIcsBytes, parseWithIcal } from "./parse";
import { allEvents } from "./simple-events";

const NOW = Date.parse("2026-03-01T00:00:00Z");
/** BOM, a custom zone, accents and emoji (multi-byte UTF-8), folded lines, a recurring series with an override. */
const TEXT = [
  "\uFEFFBEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VTIMEZONE",
  "TZID:Büro Zeit",
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
  "BEGIN:VEVENT",
  "UID:réunion-☕-hebdomadaire@example.test",
  "SUMMARY:Réunion ☕ de l'équipe",
  "DESCRIPTION:Ordre du jour : café ☕\\, points ouverts\\; décisions. Ordre du jour ",
  " : café ☕\\, points ouverts\\; décisions.",
  "DTSTART;TZID=Büro Zeit:20260302T091500",
  "DTEND;TZID=Büro Zeit:20260302T094500",
  "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20",
  "EXDATE;TZID=Büro Zeit:20260304T091500",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:réunion-☕-hebdomadaire@example.test",
  "RECURRENCE-ID;TZID=Büro Zeit:20260309T091500",
  "DTSTART;TZID=Büro Zeit:20260309T110000",
  "DTEND;TZID=Büro Zeit:20260309T113000",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:déjeuner@example.test",
  "SUMMARY:Déjeuner 🍽",
  "DTSTART:20260305T113000Z",
  "DURATION:PT1H",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:congé@example.test",
  "DTSTART;VALUE=DATE:20260310",
  "DTEND;VALUE=DATE:20260312",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (v instanceof Map ? [...v] : v)));
const records = (parsed: ReturnType<typeof parseIcs>) =>
  json({ events: allEvents(parsed), timezones: parsed.timezones, defaultZone: parsed.defaultZone });

describe("reading a file from its bytes, a chunk at a time", () => {
  const bytes = new TextEncoder().encode(TEXT);
  const whole = parseIcs(TEXT);

  it.each([1, 5, 64, 300, 1 << 16])("gives the records of the text, in chunks of %i bytes", (chunk) => {
    const parsed = parseIcsBytes(bytes, chunk);
    expect(records(parsed)).toEqual(records(whole));
    expect(allEvents(parsed).map((e) => e.uid)).toContain("réunion-☕-hebdomadaire@example.test");
  });

  it("gives the busy time of the text, simple events kept in columns", () => {
    const options = { ownerZone: "Europe/Paris", now: NOW };
    const parsed = parseIcsBytes(bytes, 64);
    expect(parsed.simple?.count).toBe(2);
    expect(expandBusy(parsed, options)).toEqual(expandBusy(whole, options));
    expect(expandBusy(parsed, options).instances).toBe(19 + 2);
  });

  it("names the line of an error as the text's reading does", () => {
    const broken = TEXT.replace("DTSTART:20260305T113000Z", "DTSTART:2026030");
    const error = (read: () => unknown) => {
      try {
        read();
      } catch (err) {
        return (err as Error).message;
      }
      return "no error";
    };
    const expected = error(() => parseIcs(broken));
    expect(expected).toMatch(/^Line \d+:/);
    expect(error(() => parseIcsBytes(new TextEncoder().encode(broken), 64))).toBe(expected);
  });
});

/**
 * Simple events whose UIDs are kept a chunk's worth at a time in one string (SimpleEvents.keepUids)
 * and told apart by their characters (expand.ts's UidTable): escapes, non-ASCII, a short one, none,
 * two versions of one UID (the higher SEQUENCE wins) beside a UID of the same length that differs
 * in one letter, and a simple master whose instance is overridden.
 */
const UIDS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  ...[
    ["UID:team\\,lunch\\;weekly\\\\notes@example.test", "DTSTART:20260302T120000Z", "DTEND:20260302T130000Z"],
    ["UID:café-☕-standup@example.test", "DTSTART:20260303T090000Z", "DTEND:20260303T091500Z"],
    ["UID:a1", "DTSTART:20260304T090000Z", "DTEND:20260304T100000Z"],
    ["DTSTART:20260305T090000Z", "DTEND:20260305T100000Z"],
    ["UID:twice@example.test", "SEQUENCE:1", "DTSTART:20260306T090000Z", "DTEND:20260306T100000Z"],
    ["UID:twicE@example.test", "DTSTART:20260306T140000Z", "DTEND:20260306T150000Z"],
    ["UID:twice@example.test", "DTSTART:20260306T110000Z", "DTEND:20260306T120000Z"],
    ["UID:moved@example.test", "DTSTART:20260309T090000Z", "DTEND:20260309T100000Z"],
    [
      "UID:moved@example.test",
      "RECURRENCE-ID:20260309T090000Z",
      "DTSTART:20260309T160000Z",
      "DTEND:20260309T170000Z",
    ],
  ].flatMap((lines) => ["BEGIN:VEVENT", ...lines, "END:VEVENT"]),
  "END:VCALENDAR",
  "",
].join("\r\n");

describe("the UIDs of simple events, kept a chunk's worth at a time", () => {
  const bytes = new TextEncoder().encode(UIDS);
  const reference = parseWithIcal(UIDS);
  const options = { ownerZone: "Europe/London", now: NOW };

  it.each([1, 7, 40, 300, 1 << 16])("are read as ical.js reads them, in chunks of %i bytes", (chunk) => {
    const parsed = parseIcsBytes(bytes, chunk);
    expect(parsed.simple?.count).toBe(8);
    expect(records(parsed)).toEqual(records(reference));
    expect(records(parseIcs(UIDS))).toEqual(records(reference));
    expect(allEvents(parsed).map((e) => e.uid)).toEqual([
      "team,lunch;weekly\\notes@example.test",
      "café-☕-standup@example.test",
      "a1",
      "#4",
      "twice@example.test",
      "twicE@example.test",
      "twice@example.test",
      "moved@example.test",
      "moved@example.test",
    ]);
  });

  it.each([1, 40, 1 << 16])("give the busy time ical.js's reading gives, in chunks of %i bytes", (chunk) => {
    const busy = expandBusy(parseIcsBytes(bytes, chunk), options);
    expect(busy).toEqual(expandBusy(reference, options));
    const hours = busy.busy.map((b) => new Date(b.start).toISOString().slice(5, 16));
    // SEQUENCE 1 wins over the later 0; the other UID of the same length stays; the instance moved.
    expect(hours).toContain("03-06T09:00");
    expect(hours).not.toContain("03-06T11:00");
    expect(hours).toContain("03-06T14:00");
    expect(hours).toContain("03-09T16:00");
    expect(hours).not.toContain("03-09T09:00");
  });
});
