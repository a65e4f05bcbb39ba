import { type Instant, type Interval, instantToLocal } from "../time";
import { firstEndingAfter } from "./attendee-track";
import type { AttendeeFacts } from "./score";
import type { Attendee, BlockerReason, SlotBlocker } from "./types";

const overlapsAny = (list: readonly Interval[], start: Instant, end: Instant) => {
  const i = firstEndingAfter(list, start);
  const next = list[i];
  return next !== undefined && next.start < end;
};

/**
 * Why a slot outside someone's working hours is outside: it starts before their working day, runs on
 * after it, or falls on a day they do not work at all. `working` must be normalised.
 */
export function hoursReason(
  attendee: Pick<Attendee, "timeZone" | "working">,
  start: Instant,
  end: Instant,
): BlockerReason {
  const { working, timeZone } = attendee;
  const i = firstEndingAfter(working, start);
  const current = working[i];
  const previous = working[i - 1];
  if (current && current.start < end) return current.start > start ? "before_hours" : "after_hours";
  const day = instantToLocal(timeZone, start).date;
  if (current && instantToLocal(timeZone, current.start).date === day) return "before_hours";
  if (previous && instantToLocal(timeZone, previous.end - 1).date === day) return "after_hours";
  return "day_off";
}

/** What this slot costs each attendee, in attendee order; absent says it all for that person. */
export function slotBlockers(
  attendees: readonly Attendee[],
  facts: readonly Pick<AttendeeFacts, "free" | "inWorkingHours" | "focusMs" | "noMeetingDay">[],
  start: Instant,
  end: Instant,
  localStartOf: (timeZone: string) => string,
): SlotBlocker[] {
  const blockers: SlotBlocker[] = [];
  attendees.forEach((attendee, i) => {
    const fact = facts[i];
    if (!fact) return;
    const localTime = localStartOf(attendee.timeZone).slice(11);
    const add = (reason: BlockerReason) => blockers.push({ personId: attendee.personId, reason, localTime });
    if (!fact.free && overlapsAny(attendee.absent ?? [], start, end)) {
      add("absent");
      return;
    }
    if (!fact.inWorkingHours) add(hoursReason(attendee, start, end));
    if (!fact.free) add("busy");
    if (fact.focusMs > 0) add("focus");
    if (fact.noMeetingDay) add("no_meeting_day");
  });
  return blockers;
}
