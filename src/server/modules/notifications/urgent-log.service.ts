import { eq } from "drizzle-orm";
import type { UrgentLogView } from "../../../contracts/notifications";
import { addDays, DAY_MS, instantToLocal, WEEKDAYS, weekdayOfDate } from "../../../core/time";
import type { Deps } from "../../deps";
import { invalid, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { organisations } from "../organisations/organisations.table";
import { urgentRows } from "./notifications.repo";

const DEFAULT_WEEKS = 12;
const MAX_DAYS = 366;
/** Entries listed (newest); the summary and weeks count every one. */
const MAX_ENTRIES = 1000;

/** The Monday of the week of `instant`, on the organisation's calendar. */
function weekStart(timeZone: string, instant: number): string {
  const { date } = instantToLocal(timeZone, instant);
  return addDays(date, -WEEKDAYS.indexOf(weekdayOfDate(date)));
}

function weekDays(from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = from; day < to; day += 7 * DAY_MS) days.push(day);
  return days;
}

/** Urgent notifications in [from, to) (the last 12 weeks by default): who sent what to whom, and outside whose hours. */
export async function urgentLog(
  deps: Deps,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<UrgentLogView> {
  authorize(actor, "notifications.readUrgentLog");
  const to = query.to ? Date.parse(query.to) : deps.clock.now().getTime();
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_WEEKS * 7 * DAY_MS;
  if (from >= to) throw invalid("from", "must be before to");
  if (to - from > MAX_DAYS * DAY_MS) throw invalid("to", `must be at most ${MAX_DAYS} days after from`);
  const [organisation] = await deps.db
    .select({ timeZone: organisations.timeZone })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  if (!organisation) throw notFound("Organisation");
  const rows = await urgentRows(deps.db, actor.organisationId, new Date(from), new Date(to));
  const weeks = new Map<string, { total: number; outsideHours: number }>();
  // Every week of the window is listed, quiet ones at zero, so the chart has no holes.
  for (const day of [...weekDays(from, to), to - 1])
    weeks.set(weekStart(organisation.timeZone, day), { total: 0, outsideHours: 0 });
  for (const row of rows) {
    const key = weekStart(organisation.timeZone, row.at.getTime());
    const week = weeks.get(key) ?? { total: 0, outsideHours: 0 };
    week.total++;
    if (row.outsideHours) week.outsideHours++;
    weeks.set(key, week);
  }
  return {
    entries: rows
      .slice(-MAX_ENTRIES)
      .reverse()
      .map((r) => ({ ...r, at: r.at.toISOString() })),
    summary: { total: rows.length, outsideHours: rows.filter((r) => r.outsideHours).length },
    weeks: [...weeks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, counts]) => ({ weekStart, ...counts })),
  };
}
