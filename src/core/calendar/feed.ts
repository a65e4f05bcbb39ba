import { DAY_MS, dateToEpochDay, parseTimeOfDay, WEEKDAYS, type WeekPattern } from "../time";
import { type SeriesEventsInput, seriesEvents, seriesSpan, zoneComponents } from "./series";
import { BYDAY, type JComp, localDateTime, plainText, utcDateTime, writeIcs } from "./write";

export interface FeedInput {
  /** Shown by calendar apps as the calendar's name. */
  name: string;
  timeZone: string;
  /** Weekly focus blocks, wall-clock in `timeZone`. */
  focus: WeekPattern;
  /** Makes every UID unique to this person (e.g. their id). */
  uidPrefix: string;
  /** `YYYY-MM-DD`: the weekly events start in the week of this date. */
  since: string;
  /** "Now": DTSTAMP, and how far ahead the VTIMEZONE reaches (two years). */
  now: number;
  /** One-off events at UTC instants (saved rotation occurrences, later Tandem meetings). */
  events?: { uid: string; start: number; end: number; summary: string }[];
  /** Meeting series, each as its invitation writes it (master and overrides, in the series' zone). */
  series?: Omit<SeriesEventsInput, "now">[];
}

/**
 * A person's iCalendar feed: one weekly-recurring VEVENT per focus block in their zone (with a
 * VTIMEZONE listing that zone's offset changes so any calendar app reads it alike), one-off events
 * in UTC, and meeting series as recurring events in their own zone (with its VTIMEZONE).
 */
export function calendarFeed(input: FeedInput): string {
  const sinceDay = dateToEpochDay(input.since);
  const monday = sinceDay - ((sinceDay + 3) % 7);
  const stamp = new Date(Math.floor(input.now / 1000) * 1000).toISOString().replace(/[-:]|\.000/g, "");
  const events: JComp[] = [];
  WEEKDAYS.forEach((weekday, index) => {
    (input.focus[weekday] ?? []).forEach((block, n) => {
      const start = parseTimeOfDay(block.start) ?? 0;
      const end = parseTimeOfDay(block.end, true) ?? 0;
      const tzid = { tzid: input.timeZone };
      events.push([
        "vevent",
        [
          ["uid", {}, "text", `focus-${weekday}-${n}-${input.uidPrefix}@tandem`],
          ["dtstamp", {}, "date-time", `${stamp.slice(0, 15)}Z`],
          ["dtstart", tzid, "date-time", localDateTime(monday + index, start)],
          ["dtend", tzid, "date-time", localDateTime(monday + index, end)],
          ["rrule", {}, "recur", { freq: "WEEKLY", byday: BYDAY[index] }],
          ["summary", {}, "text", "Focus time"],
          ["transp", {}, "text", "OPAQUE"],
        ],
        [],
      ]);
    });
  });
  for (const event of input.events ?? []) {
    events.push([
      "vevent",
      [
        ["uid", {}, "text", `${event.uid}@tandem`],
        ["dtstamp", {}, "date-time", `${stamp.slice(0, 15)}Z`],
        ["dtstart", {}, "date-time", utcDateTime(event.start)],
        ["dtend", {}, "date-time", utcDateTime(event.end)],
        ["summary", {}, "text", plainText(event.summary)],
      ],
      [],
    ]);
  }
  const zones = [
    { timeZone: input.timeZone, from: monday * DAY_MS - 7 * DAY_MS, to: input.now + 730 * DAY_MS },
  ];
  for (const series of input.series ?? []) {
    const shown = seriesEvents({ ...series, now: input.now });
    if (shown.length === 0) continue;
    events.push(...shown);
    zones.push(seriesSpan(series.rule, series.occurrences));
  }
  const calendar: JComp = [
    "vcalendar",
    [
      ["version", {}, "text", "2.0"],
      ["prodid", {}, "text", "-//Tandem//Calendar feed//EN"],
      ["calscale", {}, "text", "GREGORIAN"],
      ["x-wr-calname", {}, "text", plainText(input.name)],
      ["x-wr-timezone", {}, "text", input.timeZone],
    ],
    [...zoneComponents(zones), ...events],
  ];
  return writeIcs(calendar);
}
