/** Days of the week and weekly wall-clock patterns: shared by the contracts, core/time and the web app. */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export const WEEKDAYS = [
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
] as const satisfies readonly Weekday[];

/** Wall-clock span within one local day: `"HH:MM"`; `end` may be `"24:00"` (the next local midnight). */
export interface LocalInterval {
  start: string;
  end: string;
}

/** A weekly pattern of wall-clock spans; a missing day means no spans that day. */
export type WeekPattern = Partial<Record<Weekday, LocalInterval[]>>;
