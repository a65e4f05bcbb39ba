import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { workingIntervals } from "../time";
import { calendarFeed, readCalendar } from "./index";

const NOW = Date.parse("2026-03-01T00:00:00Z");
const DAY = 86_400_000;

/** What another calendar app sees: ical.js's full model, zones only from the feed's own VTIMEZONE. */
function startsSeenByIcalJs(text: string, from: number, until: number): number[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const starts: number[] = [];
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const iterator = new ICAL.Event(vevent).iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const at = next.toUnixTime() * 1000;
      if (at >= until) break;
      if (at >= from) starts.push(at);
    }
  }
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue("tzid")));
  }
  return starts.sort((a, b) => a - b);
}

describe("calendarFeed", () => {
  it.each(["Europe/London", "America/New_York", "Australia/Sydney", "Pacific/Chatham", "Asia/Kolkata"])(
    "publishes weekly blocks in %s that both readers place where core/time does, across clock changes",
    (timeZone) => {
      const focus = { mon: [{ start: "09:00", end: "10:30" }], fri: [{ start: "22:00", end: "24:00" }] };
      const text = calendarFeed({
        name: "Ana, focus",
        timeZone,
        focus,
        uidPrefix: "p1",
        since: "2026-03-01",
        now: NOW,
      });
      const window = { start: NOW, end: NOW + 240 * DAY };
      const expected = workingIntervals({ timeZone, week: focus }, window);
      const read = readCalendar(text, { ownerZone: "UTC", now: NOW, pastDays: 0, futureDays: 240 });
      expect(read.busy).toEqual(expected);
      expect(startsSeenByIcalJs(text, window.start, window.end)).toEqual(expected.map((i) => i.start));
    },
  );

  it("escapes the calendar name and writes CRLF lines", () => {
    const text = calendarFeed({
      name: "Ana, focus; time",
      timeZone: "UTC",
      focus: {},
      uidPrefix: "p1",
      since: "2026-03-01",
      now: NOW,
    });
    expect(text).toContain("X-WR-CALNAME;VALUE=TEXT:Ana\\, focus\\; time\r\n");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).not.toContain("BEGIN:VEVENT");
  });
});

describe("calendarFeed one-off events", () => {
  it("adds events at UTC instants that calendar apps read back exactly", () => {
    const ics = calendarFeed({
      name: "Ana — Tandem",
      timeZone: "Asia/Kolkata",
      focus: {},
      uidPrefix: "p1",
      since: "2026-03-02",
      now: Date.UTC(2026, 2, 1),
      events: [
        {
          uid: "rotation-r1-0",
          start: Date.UTC(2026, 2, 3, 13),
          end: Date.UTC(2026, 2, 3, 13, 30),
          summary: "Planning (rotation)",
        },
      ],
    });
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent");
    if (!event) throw new Error("the feed has no event");
    expect(event.getFirstPropertyValue("summary")).toBe("Planning (rotation)");
    expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime()).toBe(
      Date.UTC(2026, 2, 3, 13),
    );
    expect((event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().getTime()).toBe(
      Date.UTC(2026, 2, 3, 13, 30),
    );
    expect(event.getFirstPropertyValue("uid")).toBe("rotation-r1-0@tandem");
  });
});

describe("calendarFeed text values (RFC 5545)", () => {
  const longName = "Zoë Ångström-Nakamura 日本語のチーム 🧑‍💻".repeat(4);
  const ics = calendarFeed({
    name: `Ana\r\nX-INJECTED:1\rB; C, D \\ E`,
    timeZone: "UTC",
    focus: {},
    uidPrefix: "p1",
    since: "2026-03-02",
    now: Date.UTC(2026, 2, 1),
    events: [
      {
        uid: "rotation-r1-0",
        start: Date.UTC(2026, 2, 3, 13),
        end: Date.UTC(2026, 2, 3, 14),
        summary: longName,
      },
      {
        uid: "rotation-r2-0",
        start: Date.UTC(2026, 2, 4, 13),
        end: Date.UTC(2026, 2, 4, 14),
        summary: "Ops\rEND:VEVENT\nBEGIN:VEVENT; on-call, \u0007week",
      },
    ],
  });
  const bytes = new TextEncoder().encode(ics);
  const lines = ics.split("\r\n");

  it("ends every line with CRLF and lets no CR or LF end a line inside a value", () => {
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).every((line) => line.length > 0)).toBe(true);
    expect(lines.filter((line) => line.startsWith("X-INJECTED"))).toEqual([]);
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(2);
  });

  it("escapes backslash, semicolon and comma, and writes a line break as \\n", () => {
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("X-WR-CALNAME;VALUE=TEXT:Ana\\nX-INJECTED:1\\nB\\; C\\, D \\\\ E\r\n");
    expect(unfolded).toContain("SUMMARY:Ops\\nEND:VEVENT\\nBEGIN:VEVENT\\; on-call\\, week\r\n");
  });

  it("folds at 75 octets without splitting a UTF-8 sequence, and reads back exactly", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let start = 0;
    for (let i = 0; i <= bytes.length - 2; i++) {
      if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
      expect(i - start).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(bytes.slice(start, i))).not.toThrow();
      start = i + 2;
    }
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const summaries = calendar.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("summary"));
    expect(summaries).toEqual([longName, "Ops\nEND:VEVENT\nBEGIN:VEVENT; on-call, week"]);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Ana\nX-INJECTED:1\nB; C, D \\ E");
  });
});
