import { DAY_MS, type Interval } from "../time";
import { Expansion } from "./expansion";
import type { ExpandOptions, ExpandResult, IcsEvent, ParsedCalendar } from "./types";
import { CalendarZones } from "./zones";

export { MAX_INSTANCES } from "./expansion";

/**
 * Busy time of a parsed calendar inside the horizon (`pastDays` before to `futureDays` after `now`):
 * recurrences expanded (RRULE, RDATE, minus EXDATE), each RECURRENCE-ID override replacing its
 * instance (moved, or removed when cancelled; with RANGE=THISANDFUTURE every later one too), only
 * the highest SEQUENCE of each version kept, transparent and cancelled events left out, all-day and
 * floating times read in the owner's zone (floating in `X-WR-TIMEZONE` when the file names one).
 * Sorted and merged. Rules that cannot be expanded in full are reported in `problems`.
 */
export function expandBusy(calendar: ParsedCalendar, options: ExpandOptions): ExpandResult {
  const horizon = {
    start: options.now - (options.pastDays ?? 90) * DAY_MS,
    end: options.now + (options.futureDays ?? 365) * DAY_MS,
  };
  const zones = new CalendarZones(options.ownerZone, calendar.timezones, horizon, calendar.defaultZone);
  const expansion = new Expansion(zones, horizon, calendar.lineOfEvent);
  const { masters, overrides } = latestVersions(calendar.events);
  for (const master of masters.values())
    expansion.addSeries(master, overrides.get(master.uid) ?? NO_OVERRIDES);
  for (const [uid, list] of overrides) {
    if (masters.has(uid)) continue;
    for (const event of list) if (!event.cancelled) expansion.addSingle(event);
  }
  return {
    busy: union(expansion.starts.subarray(0, expansion.count), expansion.ends.subarray(0, expansion.count)),
    instances: expansion.count,
    horizon,
    warnings: zones.warnings,
    problems: expansion.problems,
  };
}

const NO_OVERRIDES: IcsEvent[] = [];

/**
 * Of several versions of one UID (the series) or one UID + RECURRENCE-ID (an instance), the one with
 * the highest SEQUENCE; the later one in the file on a tie, as calendar apps keep the last received.
 */
function latestVersions(events: IcsEvent[]) {
  const masters = new Map<string, IcsEvent>();
  const instances = new Map<string, Map<string, IcsEvent>>();
  const newer = (event: IcsEvent, seen: IcsEvent | undefined) => !seen || event.sequence >= seen.sequence;
  for (const event of events) {
    if (!event.recurrenceId) {
      if (newer(event, masters.get(event.uid))) masters.set(event.uid, event);
      continue;
    }
    const key = `${event.recurrenceId.zone}|${event.recurrenceId.wall}`;
    const versions = instances.get(event.uid) ?? new Map<string, IcsEvent>();
    instances.set(event.uid, versions);
    if (newer(event, versions.get(key))) versions.set(key, event);
  }
  const overrides = new Map<string, IcsEvent[]>();
  for (const [uid, versions] of instances) overrides.set(uid, [...versions.values()]);
  return { masters, overrides };
}

/**
 * The union of intervals given as their starts and ends (each end after its start), sorted and
 * merged — touching intervals join. Starts and ends are sorted apart, in place (numeric sorts of
 * typed arrays, no objects) and swept: the union is open while more intervals have started than ended.
 */
function union(starts: Float64Array, ends: Float64Array): Interval[] {
  sort(starts);
  sort(ends);
  const merged: Interval[] = [];
  let open = 0;
  let from = 0;
  for (let i = 0, j = 0; i < starts.length || j < ends.length; ) {
    // At equal instants starts go first, so an interval that begins where another ends joins it.
    if (i < starts.length && (starts[i] as number) <= (ends[j] as number)) {
      if (open++ === 0) from = starts[i] as number;
      i++;
    } else {
      if (--open === 0) merged.push({ start: from, end: ends[j] as number });
      j++;
    }
  }
  return merged;
}

/** Sorts `values` in place: a few (one series, say, nearly in order) by insertion, else natively. */
function sort(values: Float64Array): void {
  if (values.length > 256) {
    values.sort();
    return;
  }
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as number;
    let j = i - 1;
    for (; j >= 0 && (values[j] as number) > v; j--) values[j + 1] = values[j] as number;
    values[j + 1] = v;
  }
}
