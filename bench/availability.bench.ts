import { Temporal } from "temporal-polyfill";
import {
  addDays,
  clipIntervals,
  type Interval,
  localToInstant,
  mergeIntervals,
  subtractIntervals,
  type WeekPattern,
  weekdayOfDate,
  workingIntervals,
} from "../src/core/time";
import { type BenchOutcome, measure, round } from "./lib/measure";
import { Random } from "./lib/prng";

const TIME_ZONE = "Europe/London";
const FIRST_DAY = "2026-01-01";
const DAYS = 365;
const WEEK: WeekPattern = {
  mon: [
    { start: "09:00", end: "12:30" },
    { start: "13:30", end: "17:30" },
  ],
  tue: [{ start: "09:00", end: "17:30" }],
  wed: [{ start: "09:00", end: "17:30" }],
  thu: [{ start: "08:00", end: "16:00" }],
  fri: [{ start: "09:00", end: "13:00" }],
};

function yearOfBusyTime(random: Random): Interval[] {
  const busy: Interval[] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = addDays(FIRST_DAY, d);
    for (let k = 0; k < 5; k++) {
      const start = localToInstant(TIME_ZONE, date, random.int(8 * 4, 18 * 4) * 15);
      busy.push({ start, end: start + random.pick([15, 30, 45, 60]) * 60_000 });
    }
  }
  return mergeIntervals(busy);
}

/** The same free time the plain way: each local working span of each day converted with Temporal. */
function freeTimeWithTemporal(window: Interval, busy: readonly Interval[]): Interval[] {
  const spans: Interval[] = [];
  for (let d = -1; d <= DAYS; d++) {
    const date = Temporal.PlainDate.from(addDays(FIRST_DAY, d));
    for (const span of WEEK[weekdayOfDate(date.toString())] ?? []) {
      const at = (time: string) =>
        date.toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) })
          .epochMilliseconds;
      spans.push({ start: at(span.start), end: at(span.end) });
    }
  }
  const working = clipIntervals(mergeIntervals(spans), window);
  return subtractIntervals(working, busy);
}

/** Availability of one person over a year: working intervals minus busy time. */
export function runAvailabilityBench(): BenchOutcome {
  const busy = yearOfBusyTime(new Random(365));
  const window = {
    start: localToInstant(TIME_ZONE, FIRST_DAY, 0),
    end: localToInstant(TIME_ZONE, addDays(FIRST_DAY, DAYS), 0),
  };
  const profile = { timeZone: TIME_ZONE, week: WEEK };
  const ours = () => subtractIntervals(workingIntervals(profile, window), busy);
  const failures: string[] = [];
  if (JSON.stringify(ours()) !== JSON.stringify(freeTimeWithTemporal(window, busy)))
    failures.push("availability: the engine and the Temporal baseline disagree");
  const timed = measure(ours, 5, 30);
  const baseline = measure(() => freeTimeWithTemporal(window, busy), 5, 30);
  return {
    results: [
      {
        name: "availability: one person, one year",
        workload: `${TIME_ZONE}, ${DAYS} days from ${FIRST_DAY} (both clock changes), Mon–Fri week with a split Monday, ${busy.length} merged busy intervals (~5 a day); workingIntervals − busy`,
        median_ms: round(timed.medianMs),
        baseline:
          "temporal-polyfill: every local working span of every day converted with Temporal.ZonedDateTime, same interval algebra",
        baseline_median_ms: round(baseline.medianMs),
        speedup: round(baseline.medianMs / timed.medianMs, 1),
      },
    ],
    notes: [`availability: ${ours().length} free intervals over the year`],
    failures,
  };
}
