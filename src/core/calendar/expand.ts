import { DAY_MS, mergeIntervals } from "../time";
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
  for (const master of masters.values()) expansion.addSeries(master, overrides.get(master.uid) ?? []);
  for (const [uid, list] of overrides) {
    if (masters.has(uid)) continue;
    for (const event of list) if (!event.cancelled) expansion.addSingle(event);
  }
  return {
    busy: mergeIntervals(expansion.busy),
    instances: expansion.busy.length,
    horizon,
    warnings: zones.warnings,
    problems: expansion.problems,
  };
}

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
