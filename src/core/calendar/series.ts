import { MAX_SERIES_OCCURRENCES } from "../../contracts/meetings";
import { occurrences, type SeriesInput } from "../meetings";
import { DAY_MS, dateToEpochDay, epochDayToDate, formatLocal, offsetAt, wallClockToInstant } from "../time";
import { BYDAY, type JComp, type JProp, plainText, utcDateTime, vtimezone } from "./write";

/** A meeting series as stored: every occurrence's original start follows from it. */
export interface SeriesRule {
  /** The first occurrence's start as made: DTSTART of the RRULE. */
  firstStart: number;
  durationMinutes: number;
  /** The zone whose wall clock the series keeps: TZID of DTSTART, RECURRENCE-ID and EXDATE. */
  timeZone: string;
  frequency: SeriesInput["frequency"];
  count?: number;
  /** The last local date (`YYYY-MM-DD` in `timeZone`, inclusive). */
  until?: string;
}

/** A series row as stored (`meeting_series`) as a rule. */
export function seriesRuleOf(row: {
  firstStartAt: Date;
  durationMinutes: number;
  timeZone: string;
  frequency: SeriesRule["frequency"];
  count: number | null;
  until: string | null;
}): SeriesRule {
  return {
    firstStart: row.firstStartAt.getTime(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    frequency: row.frequency,
    ...(row.count !== null ? { count: row.count } : {}),
    ...(row.until !== null ? { until: row.until } : {}),
  };
}

/** A series' UID in invitations and feeds: each occurrence is an instance of it. */
export const seriesUid = (seriesId: string) => `${seriesId}@tandem`;

/** One occurrence as it is now; its `index` (from 1) names its original start. */
export interface SeriesOccurrence {
  index: number;
  start: number;
  end: number;
  sequence: number;
  summary: string;
  /** Its other properties (DESCRIPTION, ORGANIZER, ATTENDEE…), written as given. */
  props: JProp[];
}

/** The original starts of the series' occurrences, first (index 1) to last, as `occurrences` gives them. */
export function originalStarts(rule: SeriesRule): number[] {
  return occurrences({ ...rule, start: rule.firstStart, max: MAX_SERIES_OCCURRENCES }).map((o) => o.start);
}

/** `"2026-03-02T09:00:00"`: an instant's wall-clock time in the zone, for a `TZID=` value. */
export const zonedDateTime = (timeZone: string, at: number) => formatLocal(timeZone, at).slice(0, 19);

/**
 * The RRULE that gives exactly the instants of `occurrences`: weekly (INTERVAL=2 every two weeks),
 * or monthly on the first weekday's ordinal (`2TU`; `-1TU` for a 5th weekday, which `occurrences`
 * moves to the last such weekday), ending with COUNT or with UNTIL at the end of the until date.
 */
export function seriesRrule(rule: SeriesRule, originals: number[]): Record<string, unknown> {
  const recur: Record<string, unknown> = { freq: rule.frequency === "monthly" ? "MONTHLY" : "WEEKLY" };
  if (rule.frequency === "biweekly") recur.interval = 2;
  if (rule.frequency === "monthly") {
    const day = Math.floor((rule.firstStart + offsetAt(rule.timeZone, rule.firstStart)) / DAY_MS);
    const ordinal = Math.floor((Number(epochDayToDate(day).slice(8, 10)) - 1) / 7);
    recur.byday = `${ordinal === 4 ? -1 : ordinal + 1}${BYDAY[(day + 3) % 7]}`;
  }
  const untilBinds = rule.until !== undefined && (rule.count === undefined || originals.length < rule.count);
  if (untilBinds && rule.until !== undefined) {
    const endOfDay = wallClockToInstant(rule.timeZone, (dateToEpochDay(rule.until) + 1) * DAY_MS) - 1000;
    recur.until = utcDateTime(endOfDay);
  } else {
    recur.count = originals.length;
  }
  return recur;
}

export interface InstanceInput {
  uid: string;
  now: number;
  rule: SeriesRule;
  /** The occurrence's original start: its RECURRENCE-ID. */
  original: number;
  occurrence: SeriesOccurrence;
}

/** One occurrence as an override of the series: the series' UID, RECURRENCE-ID and its own time. */
export function instanceEvent(input: InstanceInput): JComp {
  const { occurrence: o } = input;
  const tzid = { tzid: input.rule.timeZone };
  return [
    "vevent",
    [
      ["uid", {}, "text", input.uid],
      ["sequence", {}, "integer", o.sequence],
      ["dtstamp", {}, "date-time", utcDateTime(input.now)],
      ["recurrence-id", tzid, "date-time", zonedDateTime(input.rule.timeZone, input.original)],
      ["dtstart", {}, "date-time", utcDateTime(o.start)],
      ["dtend", {}, "date-time", utcDateTime(o.end)],
      ["summary", {}, "text", plainText(o.summary)],
      ...o.props,
    ],
    [],
  ];
}

export interface SeriesEventsInput {
  /** The whole UID (`<seriesId>@tandem`). */
  uid: string;
  now: number;
  rule: SeriesRule;
  /** The occurrences to show; every other one of the rule (cancelled, declined, past) is an EXDATE. */
  occurrences: SeriesOccurrence[];
}

/**
 * A series as calendars keep one: a master VEVENT (DTSTART in the series' zone, DURATION, RRULE,
 * EXDATEs) with the first shown occurrence's properties, and one override VEVENT (same UID,
 * RECURRENCE-ID) for each occurrence whose time, length or title differs from its original. Needs
 * the zone's VTIMEZONE over {@link seriesSpan} beside it. Empty when no occurrence is shown.
 */
export function seriesEvents(input: SeriesEventsInput): JComp[] {
  const { rule } = input;
  const originals = originalStarts(rule);
  const shown = input.occurrences
    .filter((o) => o.index >= 1 && o.index <= originals.length)
    .sort((a, b) => a.index - b.index);
  const [base] = shown;
  if (!base) return [];
  const length = rule.durationMinutes * 60_000;
  const tzid = { tzid: rule.timeZone };
  const indexes = new Set(shown.map((o) => o.index));
  const exdates = originals
    .filter((_, i) => !indexes.has(i + 1))
    .map((at): JProp => ["exdate", tzid, "date-time", zonedDateTime(rule.timeZone, at)]);
  const master: JComp = [
    "vevent",
    [
      ["uid", {}, "text", input.uid],
      ["sequence", {}, "integer", Math.max(...shown.map((o) => o.sequence))],
      ["dtstamp", {}, "date-time", utcDateTime(input.now)],
      ["dtstart", tzid, "date-time", zonedDateTime(rule.timeZone, rule.firstStart)],
      ["duration", {}, "duration", `PT${rule.durationMinutes}M`],
      ["rrule", {}, "recur", seriesRrule(rule, originals)],
      ...exdates,
      ["summary", {}, "text", plainText(base.summary)],
      ...base.props,
    ],
    [],
  ];
  const overrides = shown
    .map((o) => ({ o, original: originals[o.index - 1] as number }))
    .filter(
      ({ o, original }) => o.start !== original || o.end !== original + length || o.summary !== base.summary,
    )
    .map(({ o, original }) =>
      instanceEvent({ uid: input.uid, now: input.now, rule, original, occurrence: o }),
    );
  return [master, ...overrides];
}

/** The instants a series' events reach: the span its VTIMEZONE must cover. */
export function seriesSpan(rule: SeriesRule, shown: { start: number; end: number }[]) {
  const originals = originalStarts(rule);
  const last = (originals.at(-1) ?? rule.firstStart) + rule.durationMinutes * 60_000;
  return {
    timeZone: rule.timeZone,
    from: Math.min(rule.firstStart, ...shown.map((o) => o.start)),
    to: Math.max(last, ...shown.map((o) => o.end)),
  };
}

/** One VTIMEZONE per zone, covering every span in it. */
export function zoneComponents(spans: { timeZone: string; from: number; to: number }[]): JComp[] {
  const zones = new Map<string, { from: number; to: number }>();
  for (const span of spans) {
    const known = zones.get(span.timeZone);
    zones.set(span.timeZone, {
      from: Math.min(known?.from ?? span.from, span.from),
      to: Math.max(known?.to ?? span.to, span.to),
    });
  }
  return [...zones].map(([timeZone, { from, to }]) => vtimezone(timeZone, from, to));
}
