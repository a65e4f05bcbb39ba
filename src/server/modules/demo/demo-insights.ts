import { and, eq, lt } from "drizzle-orm";
import { mondayOf } from "../../../core/meetings/load";
import { addDays, instantToLocal, localToInstant, parseTimeOfDay, weekdayOfDate } from "../../../core/time";
import type { Deps } from "../../deps";
import { publishTeamAgreement, teamAgreementVersions } from "../agreement";
import { createCalendar } from "../calendars";
import { reconcileInsights } from "../insights";
import { createMeeting, meetings, rateMeeting } from "../meetings";
import {
  DEMO_INSIGHTS,
  DEMO_ORGANISATION,
  DEMO_OWNER,
  DEMO_PEOPLE,
  type DemoBlock,
  type DemoPerson,
} from "./demo-data";
import type { DemoCast } from "./demo-meetings";

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** Busy time of one person for each week from `weeks` ago to next week, in UTC, from their blocks. */
function busyOf(person: Pick<DemoPerson, "timeZone" | "week">, blocks: readonly DemoBlock[], now: number) {
  const thisMonday = mondayOf(instantToLocal(person.timeZone, now).date);
  const busy: { start: number; end: number }[] = [];
  for (let ago = DEMO_INSIGHTS.weeks; ago >= -1; ago--) {
    const monday = addDays(thisMonday, -7 * ago);
    for (let d = 0; d < 7; d++) {
      const date = addDays(monday, d);
      const day = weekdayOfDate(date);
      const opens = person.week[day]?.[0]?.start;
      if (!opens) continue;
      const dayStart = localToInstant(person.timeZone, date, parseTimeOfDay(opens) ?? 0);
      for (const b of blocks) {
        const inRun = ago <= (b.fromWeeksAgo ?? Number.POSITIVE_INFINITY) && ago > (b.untilWeeksAgo ?? -99);
        if (!inRun || !b.days.includes(day)) continue;
        const start = dayStart + b.after * HOUR_MS;
        busy.push({ start, end: start + b.minutes * 60_000 });
      }
    }
  }
  return busy;
}

/** A VCALENDAR with one UTC event per busy interval (what a calendar export of busy time looks like). */
function icsOf(busy: readonly { start: number; end: number }[]): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, "");
  const events = busy.flatMap((b, i) => [
    "BEGIN:VEVENT",
    `UID:demo-busy-${i}@northwind.example`,
    `DTSTART:${stamp(b.start)}`,
    `DTEND:${stamp(b.end)}`,
    "END:VEVENT",
  ]);
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Northwind//Demo//EN",
    ...events,
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

/**
 * Insights with history: everyone's work calendar imported with twelve weeks of busy time (Olivia over the
 * meeting budget and short of focus time, Tom's evening meetings creeping later, Platform's Wednesday workshops ending when the
 * team agreed on no-meeting Wednesdays five weeks ago), a Platform status round whose ratings say it
 * could be async (the meeting audit suggests making it async), then the rollups reconciled once, as the
 * nightly job would. The team agreement's publication is dated back to its week.
 */
export async function seedInsights(deps: Deps, cast: DemoCast): Promise<void> {
  const now = deps.clock.now().getTime();
  // Made before the calendars are imported, so the meeting budget still has room for it.
  await seedStatusRound(deps, cast, now);
  const everyone = [{ ...DEMO_OWNER, week: DEMO_INSIGHTS.ownerWeek }, ...DEMO_PEOPLE];
  for (const person of everyone) {
    const blocks = [...DEMO_INSIGHTS.common, ...(DEMO_INSIGHTS.extra[person.email] ?? [])];
    await createCalendar(deps, cast.actor(person.email), cast.id(person.email), {
      name: "Work calendar",
      ics: icsOf(busyOf(person, blocks, now)),
    });
  }
  const a = DEMO_INSIGHTS.agreement;
  const teamId = cast.teamId(a.team);
  const { teamVersion } = await publishTeamAgreement(deps, cast.actor(a.by), teamId, {
    rules: a.rules,
    changeSummary: a.changeSummary,
  });
  // Agreed five weeks ago: the demo's history is made now, so its date is set back to that week.
  await deps.db
    .update(teamAgreementVersions)
    .set({ publishedAt: new Date(now - a.weeksAgo * WEEK_MS) })
    .where(and(eq(teamAgreementVersions.teamId, teamId), eq(teamAgreementVersions.teamVersion, teamVersion)));
  await reconcileInsights(deps, { organisationId: cast.organisationId });
}

/** A weekly status round held for weeks, whose attendees rated each one as something that could be async. */
async function seedStatusRound(deps: Deps, cast: DemoCast, now: number) {
  const round = DEMO_INSIGHTS.statusRound;
  const zone = DEMO_ORGANISATION.timeZone;
  const tuesday = addDays(mondayOf(instantToLocal(zone, now).date), 1 - 7 * round.weeks);
  const start = localToInstant(zone, tuesday, parseTimeOfDay(round.at) ?? 0);
  const then = { ...deps, clock: { now: () => new Date(start - HOUR_MS * 48) } };
  const { meeting } = await createMeeting(then, cast.actor(round.organiser), {
    title: round.title,
    kind: round.kind,
    start: new Date(start).toISOString(),
    durationMinutes: round.minutes,
    attendees: round.attendees.map((email) => ({ personId: cast.id(email) })),
    teamId: cast.teamId(round.team),
    recurrence: { frequency: "weekly", count: round.weeks },
  });
  const held = await deps.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.seriesId, meeting.seriesId ?? ""), lt(meetings.endAt, new Date(now))));
  for (const { id } of held)
    for (const [by, rating] of round.ratings) await rateMeeting(deps, cast.actor(by), id, rating);
}
