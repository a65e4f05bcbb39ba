import type { WeekPattern } from "../../../core/time";

const nineToFive = [{ start: "09:00", end: "17:00" }];
/** A new person's working pattern until they set their own: Monday to Friday, 09:00–17:00 local. */
export const DEFAULT_WEEK: WeekPattern = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};
