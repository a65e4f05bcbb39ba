import { dateToEpochDay } from "./dates";
import type { ZoneChange } from "./types";

/** Which zone a person lives in on each local day: their own, then each zone change from its date. */
export class ZoneSchedule {
  private readonly fromDays: number[];
  private readonly zones: string[];

  constructor(timeZone: string, zoneChanges: readonly ZoneChange[] = []) {
    const changes = zoneChanges
      .map((change, order) => ({ day: dateToEpochDay(change.from), zone: change.timeZone, order }))
      .sort((a, b) => a.day - b.day || a.order - b.order);
    this.fromDays = [Number.NEGATIVE_INFINITY, ...changes.map((c) => c.day)];
    this.zones = [timeZone, ...changes.map((c) => c.zone)];
  }

  /** The zone in force on local day `epochDay`: that of the latest change whose `from` has begun. */
  zoneOnDay(epochDay: number): string {
    let lo = 0;
    let hi = this.fromDays.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.fromDays[mid] as number) <= epochDay) lo = mid;
      else hi = mid - 1;
    }
    return this.zones[lo] as string;
  }
}

/** The zone in force on a local `YYYY-MM-DD` date for a person with these zone changes. */
export function zoneOnDate(
  person: { timeZone: string; zoneChanges?: readonly ZoneChange[] | undefined },
  date: string,
): string {
  return new ZoneSchedule(person.timeZone, person.zoneChanges).zoneOnDay(dateToEpochDay(date));
}
