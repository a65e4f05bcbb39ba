import { Random } from "./prng";

/** Zones as calendars name them: IANA, Outlook's Windows names, and UTC instants. */
const ZONES = [
  "Europe/London",
  "America/New_York",
  "W. Europe Standard Time",
  "India Standard Time",
  "",
] as const;
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"] as const;
const DAY_MS = 86_400_000;

export interface IcsWorkloadShape {
  seed: number;
  /** VEVENT components in the file (masters, overrides and single events). */
  events: number;
  /** Share of the events that are weekly-recurring masters (each followed by one override). */
  recurringShare: number;
  /** The middle of the generated span, epoch ms: events fall from a year before to a year after. */
  around: number;
  /** Characters of notes per event (a DESCRIPTION folded at 75 characters, as exports carry): 0 when absent. */
  descriptionChars?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function stamp(ms: number, utc: boolean): string {
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
  return utc ? `${text}Z` : text;
}

const dateOnly = (ms: number) => stamp(ms, false).slice(0, 8);

function timeProperty(name: string, tzid: string, wallMs: number): string {
  return tzid ? `${name};TZID=${tzid}:${stamp(wallMs, false)}` : `${name}:${stamp(wallMs, true)}`;
}

/**
 * A seeded calendar export as Outlook or Google would write it: VTIMEZONE blocks, single events
 * (a few all-day, transparent or cancelled), weekly-recurring masters with EXDATEs and, for each,
 * one override that moves or cancels an instance. About 160 bytes per event.
 */
export function icsWorkload(shape: IcsWorkloadShape): string {
  const random = new Random(shape.seed);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem bench//EN", ...vtimezones()];
  const firstDay = Math.floor(shape.around / DAY_MS) - 365;
  // Each recurring iteration writes two VEVENTs (master and override), so one in (1/share − 1).
  const recurringEvery = Math.max(1, Math.round(1 / shape.recurringShare) - 1);
  let written = 0;
  for (let n = 0; written < shape.events; n++) {
    const tzid = random.pick(ZONES);
    const day = firstDay + random.int(0, 729);
    const minutes = random.pick([15, 30, 30, 45, 60, 90]);
    const uid = `ev-${n}@bench.tandem`;
    const recurring = n % recurringEvery === 0 && written + 2 <= shape.events;
    const byday = random.pick(WEEKDAYS);
    let wall = day * DAY_MS + random.int(7 * 4, 19 * 4) * 15 * 60_000;
    if (recurring) wall = firstInstance(wall, byday);
    const event = [
      "BEGIN:VEVENT",
      `UID:${uid}`,
      timeProperty("DTSTART", tzid, wall),
      timeProperty("DTEND", tzid, wall + minutes * 60_000),
      `SUMMARY:Meeting ${random.int(1, 9999)}`,
      ...description(n, shape.descriptionChars ?? 0),
    ];
    if (recurring) {
      const weeks = random.int(10, 120);
      event.push(`RRULE:FREQ=WEEKLY;BYDAY=${byday};COUNT=${weeks}`);
      const exdates = [random.int(1, weeks - 1), random.int(1, weeks - 1)].map((w) =>
        stamp(wall + w * 7 * DAY_MS, false),
      );
      event.push(tzid ? `EXDATE;TZID=${tzid}:${exdates.join(",")}` : `EXDATE:${exdates.join("Z,")}Z`);
      lines.push(...event, "END:VEVENT", ...override(random, uid, tzid, wall, weeks, minutes));
      written += 2;
      continue;
    }
    if (random.chance(0.03)) event.splice(2, 2, `DTSTART;VALUE=DATE:${dateOnly(wall)}`);
    if (random.chance(0.05)) event.push("TRANSP:TRANSPARENT");
    if (random.chance(0.02)) event.push("STATUS:CANCELLED");
    lines.push(...event, "END:VEVENT");
    written += 1;
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

const NOTES = "Agenda: review the open points\\, agree on owners and dates\\; notes follow. ";

/** A DESCRIPTION of `chars` characters, folded into lines of 75 (none when `chars` is 0). */
function description(n: number, chars: number): string[] {
  if (chars <= 0) return [];
  const text = `DESCRIPTION:#${n} ${NOTES.repeat(Math.ceil(chars / NOTES.length))}`.slice(0, chars + 12);
  const lines = [text.slice(0, 75)];
  for (let at = 75; at < text.length; at += 74) lines.push(` ${text.slice(at, at + 74)}`);
  return lines;
}

/** The first instance of a weekly rule on `byday` at or after `wall` (what DTSTART should be). */
function firstInstance(wall: number, byday: (typeof WEEKDAYS)[number]): number {
  const target = WEEKDAYS.indexOf(byday); // 0 = Monday
  const weekday = (Math.floor(wall / DAY_MS) + 3) % 7; // 1970-01-01 was a Thursday
  return wall + ((target - weekday + 7) % 7) * DAY_MS;
}

function override(random: Random, uid: string, tzid: string, first: number, weeks: number, minutes: number) {
  const instance = first + random.int(1, weeks - 1) * 7 * DAY_MS;
  const moved = instance + random.int(1, 8) * 30 * 60_000;
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    timeProperty("RECURRENCE-ID", tzid, instance),
    timeProperty("DTSTART", tzid, moved),
    timeProperty("DTEND", tzid, moved + minutes * 60_000),
    ...(random.chance(0.3) ? ["STATUS:CANCELLED"] : []),
    "SUMMARY:Moved instance",
    "END:VEVENT",
  ];
}

function vtimezones(): string[] {
  const daylight = (
    tzid: string,
    std: [string, string, string],
    dst: [string, string, string],
    stdRule: string,
    dstRule: string,
  ) => [
    "BEGIN:VTIMEZONE",
    `TZID:${tzid}`,
    "BEGIN:STANDARD",
    `DTSTART:${std[0]}`,
    `TZOFFSETFROM:${std[1]}`,
    `TZOFFSETTO:${std[2]}`,
    `RRULE:${stdRule}`,
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    `DTSTART:${dst[0]}`,
    `TZOFFSETFROM:${dst[1]}`,
    `TZOFFSETTO:${dst[2]}`,
    `RRULE:${dstRule}`,
    "END:DAYLIGHT",
    "END:VTIMEZONE",
  ];
  const eu = ["FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"] as const;
  const us = ["FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"] as const;
  return [
    ...daylight(
      "Europe/London",
      ["19701025T020000", "+0100", "+0000"],
      ["19700329T010000", "+0000", "+0100"],
      ...eu,
    ),
    ...daylight(
      "America/New_York",
      ["19701101T020000", "-0400", "-0500"],
      ["19700308T020000", "-0500", "-0400"],
      ...us,
    ),
    ...daylight(
      "W. Europe Standard Time",
      ["19701025T030000", "+0200", "+0100"],
      ["19700329T020000", "+0100", "+0200"],
      ...eu,
    ),
    "BEGIN:VTIMEZONE",
    "TZID:India Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0530",
    "TZOFFSETTO:+0530",
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
}

/** The first `events` VEVENTs of a calendar (with its header and time zones), as a calendar again. */
export function sliceCalendar(ics: string, events: number): string {
  let at = 0;
  for (let k = 0; k < events; k++) {
    const next = ics.indexOf("END:VEVENT\r\n", at);
    if (next < 0) break;
    at = next + "END:VEVENT\r\n".length;
  }
  return `${ics.slice(0, at)}END:VCALENDAR\r\n`;
}
