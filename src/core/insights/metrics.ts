import type { Interval } from "../time";
import type { PersonWeek, PersonWeekInput } from "./types";

/**
 * One person-week's figures (see `definitions.ts` for what each means): meetings merged so overlaps
 * count once, focus = free working blocks of 2 h or more, fragmented = free working blocks under 1 h,
 * after hours = meeting time outside working intervals, reply latency = median working hours from
 * being asked to answering. Clipped to the person's local week.
 */
export function personWeek(input: PersonWeekInput): PersonWeek {
  void input;
  throw new Error("not built yet");
}

/** Working time (hours) inside `working` between `from` and `to`. */
export function workingHoursBetween(working: readonly Interval[], from: number, to: number): number {
  void working;
  void from;
  void to;
  throw new Error("not built yet");
}
