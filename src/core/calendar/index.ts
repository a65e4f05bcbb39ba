import { expandBusy } from "./expand";
import { parseIcs, parseIcsBytes } from "./parse";
import { eventCounts } from "./simple-events";
import { type ExpandOptions, type ExpandResult, IcsError } from "./types";

export { expandBusy, MAX_INSTANCES } from "./expand";
export { calendarFeed, type FeedInput } from "./feed";
export {
  type InviteContent,
  type InviteInput,
  type InviteMethod,
  inviteDescription,
  inviteProps,
  meetingInvite,
  occurrenceInvite,
  seriesInvite,
} from "./invite";
export { parseIcs, parseIcsBytes } from "./parse";
export {
  type InstanceInput,
  originalStarts,
  type SeriesEventsInput,
  type SeriesOccurrence,
  type SeriesRule,
  seriesRuleOf,
  seriesUid,
} from "./series";
export { allEvents, eventCounts, SimpleEvents } from "./simple-events";
export {
  type EventProblem,
  type ExpandOptions,
  type ExpandResult,
  IcsError,
  type IcsEvent,
  type IcsTime,
  type ParsedCalendar,
} from "./types";
export { windowsZoneToIana } from "./windows-zones";
export { ianaZoneOf } from "./zones";

/**
 * Parse and expand in one step: the busy time of an ICS text (or its UTF-8 bytes) inside the horizon. Pure and
 * synchronous, and its result is plain data (it may cross a worker boundary). A file that cannot be
 * read throws an {@link IcsError}; an event that cannot be read in full is listed in `problems`.
 */
export function readCalendar(
  text: string | Uint8Array,
  options: ExpandOptions,
): ExpandResult & { events: number } {
  try {
    const parsed = typeof text === "string" ? parseIcs(text) : parseIcsBytes(text);
    return { ...expandBusy(parsed, options), events: eventCounts(parsed).live };
  } catch (err) {
    if (err instanceof IcsError) throw err;
    // Whatever a library threw on this input, the file is what cannot be read: a 400, never a 500.
    throw new IcsError("this file cannot be read as a calendar: check that it is an .ics export");
  }
}
