import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ICAL from "ical.js";
import { expandBusy, parseIcs } from "../src/core/calendar";
import { calendars } from "../src/server/modules/calendars";
import { replaceBusy } from "../src/server/modules/calendars/calendars.repo";
import { createOrganisationWithOwner } from "../src/server/modules/setup";
import { migrate } from "../src/server/platform/db/migrate";
import { openDatabase } from "../src/server/platform/db/open";
import { icsWorkload, sliceCalendar } from "./lib/ics-workload";
import { type BenchOutcome, measure, round } from "./lib/measure";

const EVENTS = 20_000;
const SLICE = 5_000;
const NOW = Date.parse("2026-03-01T00:00:00Z");
const OWNER_ZONE = "Europe/London";
const HORIZON = { past: 90, future: 365 };
const MIN_SPEEDUP = 10;

/**
 * The usual way with ical.js's object model, used well: components, one ICAL.Event per master
 * given its overrides (ICAL.Event's own search through every sibling is quadratic), iterators.
 */
function fullObjectModel(text: string): number {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents("vevent");
  const overrides = new Map<string, InstanceType<typeof ICAL.Component>[]>();
  for (const vevent of vevents) {
    if (!vevent.hasProperty("recurrence-id")) continue;
    const uid = String(vevent.getFirstPropertyValue("uid"));
    overrides.set(uid, [...(overrides.get(uid) ?? []), vevent]);
  }
  const start = NOW - HORIZON.past * 86_400_000;
  const end = NOW + HORIZON.future * 86_400_000;
  const inHorizon = (from: InstanceType<typeof ICAL.Time>, to: InstanceType<typeof ICAL.Time>) =>
    to.toUnixTime() * 1000 > start && from.toUnixTime() * 1000 < end;
  let instances = 0;
  for (const vevent of vevents) {
    const cancelled = vevent.getFirstPropertyValue("status") === "CANCELLED";
    const transparent = vevent.getFirstPropertyValue("transp") === "TRANSPARENT";
    if (cancelled || transparent) continue;
    const exceptions = overrides.get(String(vevent.getFirstPropertyValue("uid"))) ?? [];
    const event = new ICAL.Event(vevent, {
      exceptions: vevent.hasProperty("recurrence-id") ? [] : exceptions,
    });
    if (!event.isRecurring() || event.isRecurrenceException()) {
      if (inHorizon(event.startDate, event.endDate)) instances++;
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      if (details.startDate.toUnixTime() * 1000 >= end) break;
      if (details.item !== event) continue; // an override: counted as its own VEVENT
      if (inHorizon(details.startDate, details.endDate)) instances++;
    }
  }
  return instances;
}

const ours = (text: string) => {
  const parsed = parseIcs(text);
  return expandBusy(parsed, {
    ownerZone: OWNER_ZONE,
    now: NOW,
    pastDays: HORIZON.past,
    futureDays: HORIZON.future,
  });
};

/** Median of `runs` timed async runs after `warmups` untimed ones. */
async function measureAsync(fn: () => Promise<unknown>, warmups: number, runs: number): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[runs >> 1] as number;
}

/** Writes the busy time of one calendar into a fresh PGlite in a temporary directory. */
async function writeTimer() {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-ics-bench-"));
  const database = await openDatabase({ dataDir });
  await migrate(database);
  const { organisation, person } = await createOrganisationWithOwner(database.db, {
    organisation: { name: "Bench", timeZone: OWNER_ZONE },
    owner: { name: "Bench", email: "bench@example.test", password: "bench password 1", timeZone: OWNER_ZONE },
  });
  const [calendar] = await database.db
    .insert(calendars)
    .values({ organisationId: organisation.id, personId: person.id, name: "Bench", kind: "file" })
    .returning();
  if (!calendar) throw new Error("no calendar row");
  return {
    write: (busy: Parameters<typeof replaceBusy>[2], events: number) =>
      database.db.transaction((tx) => replaceBusy(tx, calendar, busy, events)),
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * ICS import: a generated 20,000-event calendar read (ical.js's raw parser → our records),
 * expanded over the horizon, and written to the database, each phase timed; and parse + expand
 * against ical.js's full object model on a 5,000-event slice (that model is superlinear).
 */
export async function runIcsBench(): Promise<BenchOutcome> {
  const text = icsWorkload({ seed: 20_000, events: EVENTS, recurringShare: 0.1, around: NOW });
  const slice = sliceCalendar(text, SLICE);
  const failures: string[] = [];

  const parse = measure(() => parseIcs(text), 1, 3).medianMs;
  const parsed = parseIcs(text);
  const expand = measure(
    () =>
      expandBusy(parsed, {
        ownerZone: OWNER_ZONE,
        now: NOW,
        pastDays: HORIZON.past,
        futureDays: HORIZON.future,
      }),
    1,
    3,
  ).medianMs;
  const read = ours(text);
  const rawParse = measure(() => ICAL.parse(text), 1, 3).medianMs;
  const db = await writeTimer();
  const write = await measureAsync(() => db.write(read.busy, parsed.events.length), 1, 3);
  await db.close();

  const sliceOurs = measure(() => ours(slice), 1, 3).medianMs;
  const sliceModel = measure(() => fullObjectModel(slice), 1, 3).medianMs;
  const speedup = sliceModel / sliceOurs;
  if (speedup < MIN_SPEEDUP) {
    failures.push(
      `ics: parse + expand is ${round(speedup, 1)}× ical.js's full model on ${SLICE} events; needs ≥ ${MIN_SPEEDUP}×`,
    );
  }
  const perSecond = (ms: number) => Math.round((EVENTS / ms) * 1000).toLocaleString("en");
  const mb = (text.length / 1024 / 1024).toFixed(1);
  return {
    results: [
      {
        name: "ics: parse + expand, 5k-event slice",
        workload: `first ${SLICE} VEVENTs of the generated calendar (10% weekly-recurring with EXDATEs and overrides, Windows and IANA TZIDs), horizon ${HORIZON.past} days back to ${HORIZON.future} ahead`,
        median_ms: round(sliceOurs),
        baseline:
          "ical.js full object model: ICAL.Component, ICAL.Event given its overrides, iterator + getOccurrenceDetails + toUnixTime; 1 warm-up, median of 3",
        baseline_median_ms: round(sliceModel),
        speedup: round(speedup, 1),
      },
      {
        name: "ics: import 20k events into the database",
        workload: `${EVENTS} VEVENTs, ${mb} MB, ${read.instances} busy instances merged to ${read.busy.length} intervals, written to PGlite (temp dir): parse ${round(parse, 1)} ms + expand ${round(expand, 1)} ms + write ${round(write, 1)} ms`,
        median_ms: round(parse + expand + write),
        baseline:
          "ical.js's raw parser (ICAL.parse) alone on the same file: the floor an import can approach",
        baseline_median_ms: round(rawParse),
        speedup: round(rawParse / (parse + expand + write), 2),
      },
    ],
    notes: [
      `ics: events/s — parse ${perSecond(parse)}, expand ${perSecond(expand)}, write ${perSecond(write)}, all ${perSecond(parse + expand + write)}`,
      `ics: the full model counted ${fullObjectModel(slice)} instances in the slice, ours ${ours(slice).instances}`,
    ],
    failures,
  };
}
