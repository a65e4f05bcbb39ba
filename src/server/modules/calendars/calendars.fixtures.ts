/** Calendars for the calendar tests: UTC events in the horizon around the real now. */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Monday of next week, 00:00 UTC: the calendars below live in the horizon around the real now. */
export const MONDAY = (() => {
  const today = Math.floor(Date.now() / DAY);
  return (today + 7 - ((today + 3) % 7)) * DAY;
})();
export const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");
export const iso = (ms: number) => new Date(ms).toISOString();

/** A calendar of UTC events: each `[start, end, extra lines…]`. */
export function ics(...events: [number, number, ...string[]][]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem tests//EN"];
  events.forEach(([start, end, ...extra], n) => {
    lines.push("BEGIN:VEVENT", `UID:e${n}@test`, `DTSTART:${stamp(start)}`, `DTEND:${stamp(end)}`);
    lines.push(`SUMMARY:Secret project ${n}`, ...extra, "END:VEVENT");
  });
  return [...lines, "END:VCALENDAR", ""].join("\r\n");
}

export const at = (day: number, hour: number) => MONDAY + day * DAY + hour * HOUR;
export const WORK_ICS = ics(
  [at(0, 9), at(0, 10), "RRULE:FREQ=WEEKLY;COUNT=2"],
  [at(1, 10), at(1, 11)],
  [at(1, 14), at(1, 15), "TRANSP:TRANSPARENT"],
  [at(1, 16), at(1, 17), "STATUS:CANCELLED"],
  [at(2, 13), at(2, 15)],
);

export const busyUrl = (personId: string, from = MONDAY, to = MONDAY + 14 * DAY) =>
  `/api/v1/people/${personId}/busy?from=${iso(from)}&to=${iso(to)}`;
