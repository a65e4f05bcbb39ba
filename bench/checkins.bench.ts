import { Temporal } from "temporal-polyfill";
import { openDeliveries, type RitualTiming } from "../src/core/checkins";
import {
  addDays,
  DAY_MS,
  HOUR_MS,
  type Interval,
  type WeekPattern,
  type WorkingTimeProfile,
  weekdayOfDate,
} from "../src/core/time";
import { type BenchOutcome, measure, round } from "./lib/measure";
import { Random } from "./lib/prng";

const PEOPLE = 5_000;
const ZONES = [
  "Europe/London",
  "America/New_York",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Chatham",
];
const RITUAL: RitualTiming = {
  schedule: { days: ["mon", "tue", "wed", "thu", "fri"], localTime: "09:30" },
  windowHours: 24,
};
/** A Tuesday in the week Europe changes its clocks back: the sweep a minute-by-minute job makes. */
const NOW = Date.parse("2026-10-27T10:00:00Z");

const week = (start: string, end: string): WeekPattern =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [{ start, end }]]));

/** 5,000 people in seven zones, a tenth travelling this week, one in twenty away for three days. */
function people(random: Random): WorkingTimeProfile[] {
  return Array.from({ length: PEOPLE }, () => {
    const timeZone = random.pick(ZONES);
    const profile: WorkingTimeProfile = {
      timeZone,
      week: random.chance(0.7) ? week("09:00", "17:30") : week("08:00", "16:00"),
    };
    if (random.chance(0.1)) profile.zoneChanges = [{ from: "2026-10-26", timeZone: random.pick(ZONES) }];
    if (random.chance(0.05)) {
      const start = NOW - random.int(0, 48) * HOUR_MS;
      profile.absences = [{ start, end: start + 3 * DAY_MS }];
    }
    return profile;
  });
}

/**
 * The plain way, with Temporal: each local date that could hold an open window, its zone from the
 * zone changes, the working spans of that day converted one by one and the absences subtracted, then
 * 09:30 on the wall clock as a ZonedDateTime.
 */
function dueWithTemporal(profile: WorkingTimeProfile): { localDate: string; deliverAt: number }[] {
  const due: { localDate: string; deliverAt: number }[] = [];
  const first = new Date(NOW - RITUAL.windowHours * HOUR_MS - DAY_MS).toISOString().slice(0, 10);
  for (let d = 0; d <= RITUAL.windowHours / 24 + 2; d++) {
    const date = addDays(first, d);
    const weekday = weekdayOfDate(date);
    if (!(RITUAL.schedule.days as string[]).includes(weekday)) continue;
    const change = (profile.zoneChanges ?? []).filter((c) => c.from <= date).at(-1);
    const timeZone = change?.timeZone ?? profile.timeZone;
    const plain = Temporal.PlainDate.from(date);
    const at = (time: string) =>
      plain.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
    const spans: Interval[] = (profile.week[weekday] ?? []).map((s) => ({
      start: at(s.start),
      end: at(s.end),
    }));
    const working = spans.some((span) =>
      (profile.absences ?? []).every((a) => a.start > span.start || a.end < span.end),
    );
    if (!working) continue;
    const deliverAt = at(RITUAL.schedule.localTime);
    if (deliverAt <= NOW && NOW < deliverAt + RITUAL.windowHours * HOUR_MS)
      due.push({ localDate: date, deliverAt });
  }
  return due;
}

const ours = (all: WorkingTimeProfile[]) =>
  all.map((p) =>
    openDeliveries(p, RITUAL, NOW).map((d) => ({ localDate: d.localDate, deliverAt: d.deliverAt })),
  );

/** Who is due in one sweep of the delivery job: 5,000 participants of a Mon–Fri 09:30 ritual. */
export function runCheckinsBench(): BenchOutcome {
  const all = people(new Random(15));
  const failures: string[] = [];
  const expected = all.map(dueWithTemporal);
  const got = ours(all);
  const differ = got.filter((due, i) => JSON.stringify(due) !== JSON.stringify(expected[i])).length;
  if (differ > 0)
    failures.push(`checkins: the delivery rules and the Temporal baseline disagree for ${differ} people`);
  const timed = measure(() => ours(all), 2, 10);
  const baseline = measure(() => all.map(dueWithTemporal), 2, 10);
  const due = got.reduce((n, d) => n + d.length, 0);
  return {
    results: [
      {
        name: "checkins: who is due, 5k participants",
        workload: `${PEOPLE} people in ${ZONES.length} zones (a tenth travelling, one in twenty away), Mon–Fri 09:30 with a 24 h window, one sweep at ${new Date(NOW).toISOString()}: each one's open deliveries, with late-after and reminder times`,
        median_ms: round(timed.medianMs),
        baseline:
          "temporal-polyfill: each candidate local date's zone, working spans and 09:30 converted with Temporal.ZonedDateTime (delivery instants only)",
        baseline_median_ms: round(baseline.medianMs),
        speedup: round(baseline.medianMs / timed.medianMs, 1),
      },
    ],
    notes: [`checkins: ${due} open deliveries among ${PEOPLE} people in the sweep`],
    failures,
  };
}
