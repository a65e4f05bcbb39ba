import type { Attendee, SlotQuery } from "../../src/core/scheduling";
import {
  addDays,
  DAY_MS,
  formatTimeOfDay,
  type Interval,
  localToInstant,
  mergeIntervals,
  WEEKDAYS,
  type Weekday,
  type WeekPattern,
  weekdayOfDate,
  workingIntervals,
} from "../../src/core/time";
import { Random } from "./prng";

/** Eight zones with whole, half- and 45-minute offsets; several change clocks in March/April 2026. */
export const ZONES = [
  "Europe/London",
  "America/New_York",
  "Europe/Berlin",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "Pacific/Chatham",
] as const;
/**
 * Required attendees come in whole teams from London and Berlin: with ~5 calendar events per
 * person-day, ten people share free working time only where working days overlap widely.
 */
const REQUIRED_TEAM_ZONES = ["Europe/London", "Europe/Berlin"] as const;
const WORKDAYS = WEEKDAYS.slice(0, 5);
const TEAM_SIZE = 5;
const GROUP_MEETINGS_PER_TEAM_DAY = 6;

export interface WorkloadShape {
  seed: number;
  people: number;
  /** The first `required` people (whole teams from London and Berlin) are required; the rest optional. */
  required: number;
  /** First UTC day, `YYYY-MM-DD`. */
  from: string;
  days: number;
}

interface Team {
  timeZone: string;
  members: number[];
  /** Weekly-recurring team meetings everyone in the team attends, as local wall-clock spans. */
  recurring: WeekPattern;
}

const at = (minute: number, length: number) => ({
  start: formatTimeOfDay(minute),
  end: formatTimeOfDay(minute + length),
});

function teamRecurring(random: Random): WeekPattern {
  const standup = random.int(9 * 4, 10 * 4) * 15;
  const week: WeekPattern = {};
  for (const day of WORKDAYS) week[day] = [at(standup, 15)];
  for (const day of [random.pick(WORKDAYS), random.pick(WORKDAYS)]) {
    const start = random.int(11 * 4, 16 * 4) * 15;
    week[day] = [...(week[day] ?? []), at(start, 60)];
  }
  return week;
}

function workingWeek(random: Random): WeekPattern {
  const hours = at(random.pick([8, 8.5, 9, 9.5]) * 60, random.pick([8, 8.5, 9]) * 60);
  return Object.fromEntries(WORKDAYS.map((day) => [day, [hours]]));
}

/**
 * Calendar events per person (unmerged): weekly-recurring team meetings (a daily stand-up and two hour-long
 * meetings, expanded through `workingIntervals`), six small group meetings per team and workday, and one or
 * two personal appointments a day between 07:00 and 21:00 local. About 5 events per person-day overall.
 */
function busyTime(random: Random, teams: Team[], people: number, shape: WorkloadShape): Interval[][] {
  const busy: Interval[][] = Array.from({ length: people }, () => []);
  const start = Date.parse(`${shape.from}T00:00:00Z`);
  const window = { start: start - DAY_MS, end: start + (shape.days + 1) * DAY_MS };
  for (const team of teams) {
    const recurring = workingIntervals({ timeZone: team.timeZone, week: team.recurring }, window);
    for (const member of team.members) busy[member]?.push(...recurring);
  }
  for (let d = -1; d <= shape.days; d++) {
    const date = addDays(shape.from, d);
    const workday = (WORKDAYS as readonly Weekday[]).includes(weekdayOfDate(date));
    for (const team of teams) {
      for (let meeting = 0; workday && meeting < GROUP_MEETINGS_PER_TEAM_DAY; meeting++) {
        const start = localToInstant(team.timeZone, date, random.int(9 * 4, 17 * 4) * 15);
        const end = start + random.pick([30, 30, 45, 60]) * 60_000;
        const size = random.int(2, 3);
        for (let k = 0; k < size; k++) busy[random.pick(team.members)]?.push({ start, end });
      }
      for (const member of team.members) {
        for (let k = random.int(1, 2); k > 0; k--) {
          const start = localToInstant(team.timeZone, date, random.int(7 * 4, 21 * 4) * 15);
          busy[member]?.push({ start, end: start + random.pick([15, 30, 60, 90]) * 60_000 });
        }
      }
    }
  }
  return busy;
}

export interface SlotWorkload {
  query: SlotQuery;
  /** Calendar events (recurring ones expanded) per person per day of the window, before merging. */
  eventsPerPersonDay: number;
  /** Merged busy intervals per person per day of the window. */
  busyPerPersonDay: number;
}

/** A seeded slot-finding query: every interval list is built here, before any clock starts. */
export function slotWorkload(shape: WorkloadShape): SlotWorkload {
  const random = new Random(shape.seed);
  const start = Date.parse(`${shape.from}T00:00:00Z`);
  const window = { start, end: start + shape.days * DAY_MS };
  const margin = { start: window.start - DAY_MS, end: window.end + DAY_MS };
  const teams: Team[] = [];
  for (let first = 0; first < shape.people; first += TEAM_SIZE) {
    const members = Array.from({ length: Math.min(TEAM_SIZE, shape.people - first) }, (_, k) => first + k);
    const team = first / TEAM_SIZE;
    const zone = first < shape.required ? REQUIRED_TEAM_ZONES[team % 2] : ZONES[team % ZONES.length];
    teams.push({ timeZone: zone as string, members, recurring: teamRecurring(random) });
  }
  const busy = busyTime(random, teams, shape.people, shape);
  const attendees = teams.flatMap((team) =>
    team.members.map(
      (index): Attendee => ({
        personId: `person-${index}`,
        required: index < shape.required,
        timeZone: team.timeZone,
        working: workingIntervals({ timeZone: team.timeZone, week: workingWeek(random) }, margin),
        busy: mergeIntervals(busy[index] ?? []),
        focus: random.chance(0.5)
          ? workingIntervals(
              { timeZone: team.timeZone, week: { tue: [at(540, 120)], thu: [at(840, 120)] } },
              margin,
            )
          : [],
        burden: random.int(0, 30),
      }),
    ),
  );
  const query = { attendees, durationMinutes: 30, window, granularityMinutes: 15, limit: 10 };
  return {
    query,
    eventsPerPersonDay: countInWindow(busy, window) / shape.people / shape.days,
    busyPerPersonDay:
      countInWindow(
        attendees.map((a) => a.busy),
        window,
      ) /
      shape.people /
      shape.days,
  };
}

function countInWindow(lists: readonly (readonly Interval[])[], window: Interval): number {
  let count = 0;
  for (const list of lists) for (const b of list) if (b.end > window.start && b.start < window.end) count++;
  return count;
}
