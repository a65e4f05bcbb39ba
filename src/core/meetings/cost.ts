import type { Rsvp } from "../../contracts/meetings";

/**
 * What a meeting costs in person-hours: the attendees who have not declined and are not following
 * it async, times its length, rounded to 2 places.
 */
export function personHours(attendees: { rsvp: Rsvp }[], durationMinutes: number): number {
  const present = attendees.filter((a) => a.rsvp !== "no" && a.rsvp !== "follow_async").length;
  return Math.round(((present * durationMinutes) / 60) * 100) / 100;
}
