import { expandBusy } from "./expand";
import { parseIcs } from "./parse";
import type { ExpandOptions, ExpandResult } from "./types";

export { expandBusy, MAX_INSTANCES } from "./expand";
export { calendarFeed, type FeedInput } from "./feed";
export { parseIcs } from "./parse";
export {
  type ExpandOptions,
  type ExpandResult,
  IcsError,
  type IcsEvent,
  type IcsTime,
  type ParsedCalendar,
} from "./types";
export { windowsZoneToIana } from "./windows-zones";
export { ianaZoneOf } from "./zones";

/** Parse and expand in one step: the busy time of an ICS text inside the horizon. */
export function readCalendar(text: string, options: ExpandOptions): ExpandResult & { events: number } {
  const parsed = parseIcs(text);
  return { ...expandBusy(parsed, options), events: parsed.events.filter((e) => !e.cancelled).length };
}
