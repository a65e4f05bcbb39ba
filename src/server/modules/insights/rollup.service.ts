import { DEFAULT_RULES } from "../../../contracts/agreement";
import { type PersonWeek, type PersonWeekInput, personWeek } from "../../../core/insights";
import { localWeek, mondayOf } from "../../../core/meetings";
import { addDays, DAY_MS, type Interval, instantToLocal, workingIntervals } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { effectiveRulesOf } from "../agreement";
import { importedBusyRows } from "../calendars";
import { workingTimeProfilesOf } from "../people";
import { ASK_LOOKBACK_MS, checkinFacts, type Reply, repliesOf } from "./rollup.answers.repo";
import { attendedMeetings, ledgerPoints } from "./rollup.calendar.repo";
import { activePeoplePage, overriddenTeamsOf, peopleOf, upsertWeeks } from "./rollup.repo";

type RollupDeps = Pick<Deps, "db" | "clock">;

/** People recomputed together: one set of queries each, memory bounded (the nightly reconcile's batch). */
export const RECOMPUTE_BATCH = 500;
const WEEK_MS = 7 * DAY_MS;
/** The nightly reconcile looks this many weeks back (and to the end of next week). */
export const RECONCILE_WEEKS_BACK = 13;

interface PersonWeeks {
  personId: string;
  timeZone: string;
  weeks: { weekStart: string; span: Interval }[];
  /** The weeks' union widened a day each side: what working time is computed over. */
  window: Interval;
}

/** The local weeks (Monday to Monday in `timeZone`) that `[from, to)` touches. */
export function weeksTouched(timeZone: string, from: number, to: number): PersonWeeks["weeks"] {
  if (to <= from) return [];
  const first = mondayOf(instantToLocal(timeZone, from).date);
  const last = mondayOf(instantToLocal(timeZone, to - 1).date);
  const weeks: PersonWeeks["weeks"] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7))
    weeks.push({ weekStart: monday, span: localWeek(timeZone, monday) });
  return weeks;
}

/** What the rollup computed: how many person-weeks it wrote. */
export interface RecomputeResult {
  people: number;
  personWeeks: number;
}

/**
 * Recomputes and stores (`insight_weeks`, upserted) every local week of each person that
 * `[fromMs, toMs)` touches. The facts are gathered for all the people at once, a batch of
 * RECOMPUTE_BATCH at a time: working time (pattern, zone changes, absences), Tandem meetings and
 * imported busy time, ledger points, replies, check-ins and pulse, and the agreement's daily focus
 * minimum. People no longer in the organisation are skipped. Running it twice writes the same figures.
 */
export async function recomputePersonWeeks(
  deps: RollupDeps,
  organisationId: string,
  personIds: readonly string[],
  fromMs: number,
  toMs: number,
): Promise<RecomputeResult> {
  const ids = [...new Set(personIds)];
  const result: RecomputeResult = { people: 0, personWeeks: 0 };
  for (let at = 0; at < ids.length; at += RECOMPUTE_BATCH) {
    const batch = await recomputeBatch(
      deps,
      organisationId,
      ids.slice(at, at + RECOMPUTE_BATCH),
      fromMs,
      toMs,
    );
    result.people += batch.people;
    result.personWeeks += batch.personWeeks;
  }
  return result;
}

async function recomputeBatch(
  deps: RollupDeps,
  organisationId: string,
  personIds: readonly string[],
  fromMs: number,
  toMs: number,
): Promise<RecomputeResult> {
  const db = deps.db;
  const known = await peopleOf(db, organisationId, personIds);
  const targets: PersonWeeks[] = known
    .map((p) => {
      const weeks = weeksTouched(p.timeZone, fromMs, toMs);
      const first = weeks[0]?.span.start ?? fromMs;
      const last = weeks[weeks.length - 1]?.span.end ?? toMs;
      return {
        personId: p.id,
        timeZone: p.timeZone,
        weeks,
        window: { start: first - DAY_MS, end: last + DAY_MS },
      };
    })
    .filter((t) => t.weeks.length > 0);
  if (targets.length === 0) return { people: 0, personWeeks: 0 };
  const ids = targets.map((t) => t.personId);
  const window = {
    start: Math.min(...targets.map((t) => t.window.start)),
    end: Math.max(...targets.map((t) => t.window.end)),
  };

  const [meetingRows, busyRows, ledgerRows, replyRows, checkins, minFocus] = await Promise.all([
    attendedMeetings(db, organisationId, ids, window),
    importedBusyRows(db, organisationId, ids, window),
    ledgerPoints(db, organisationId, ids, window),
    repliesOf(db, organisationId, ids, window),
    checkinFacts(db, organisationId, ids, window),
    minDailyFocusHoursOf(db, organisationId, ids),
  ]);
  // Working time reaches back to the earliest ask answered in the window (reply latency counts it).
  const earliestAsk = replyRows.reduce((min, r) => Math.min(min, r.askedAt), window.start);
  const workingWindow = { start: Math.max(earliestAsk, window.start - ASK_LOOKBACK_MS), end: window.end };
  const profiles = await workingTimeProfilesOf(db, organisationId, ids, workingWindow);

  const meetingsOf = group(meetingRows);
  const busyOf = group(busyRows);
  const ledgerOf = group(ledgerRows);
  const repliesByPerson = group(replyRows);
  const occurrencesOf = group(checkins.occurrences);
  const pulsesOf = group(checkins.pulses);

  const weeks: (PersonWeek & { personId: string })[] = [];
  for (const target of targets) {
    const id = target.personId;
    const profile = profiles.get(id)?.profile;
    if (!profile) continue;
    const replies = repliesByPerson.get(id) ?? [];
    const asksFrom = replies.reduce((min, r) => Math.min(min, r.askedAt), target.window.start);
    const working = workingIntervals(profile, {
      start: Math.max(asksFrom, workingWindow.start),
      end: target.window.end,
    });
    const attended = meetingsOf.get(id) ?? [];
    const busy = busyOf.get(id) ?? [];
    for (const { weekStart, span } of target.weeks) {
      const inWeek = (i: Interval) => i.start < span.end && i.end > span.start;
      const at = (t: number) => t >= span.start && t < span.end;
      const weekReplies = replies.filter((r) => at(r.answeredAt));
      const reach = weekReplies.reduce((min, r) => Math.min(min, r.askedAt), span.start);
      const occurrences = (occurrencesOf.get(id) ?? []).filter((o) => at(o.at));
      const weekMeetings = attended.filter(inWeek);
      const input: PersonWeekInput = {
        timeZone: target.timeZone,
        weekStart,
        working: working.filter((i) => i.start < span.end + DAY_MS && i.end > reach - DAY_MS),
        meetings: [...weekMeetings, ...busy.filter(inWeek)].map(({ start, end }) => ({ start, end })),
        sharedTeamMeetings: weekMeetings.filter((m) => m.shared && at(m.start)).length,
        burdenPoints: (ledgerOf.get(id) ?? []).filter((l) => at(l.at)).reduce((sum, l) => sum + l.points, 0),
        replies: weekReplies.map(({ askedAt, answeredAt }: Reply) => ({ askedAt, answeredAt })),
        checkinsDue: occurrences.length,
        checkinsAnswered: occurrences.filter((o) => o.answered).length,
        pulseAnswers: (pulsesOf.get(id) ?? []).filter((p) => at(p.at)).map((p) => p.value),
        minDailyFocusHours: minFocus.get(id) ?? minFocus.get(ORG) ?? DEFAULT_RULES.focus.minDailyHours,
      };
      weeks.push({ ...personWeek(input), personId: id });
    }
  }
  await upsertWeeks(db, organisationId, weeks, deps.clock.now());
  return { people: targets.length, personWeeks: weeks.length };
}

const ORG = "";

/**
 * The agreement's `focus.minDailyHours` for each person: the organisation's, or the strictest of the
 * effective rules of the person's teams that override it (a minimum: the largest wins). Keyed by
 * person, with the organisation's under "".
 */
async function minDailyFocusHoursOf(
  db: Executor,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, number>> {
  const byPerson = new Map<string, number>();
  const org = await effectiveRulesOf(db, organisationId, null).catch(() => DEFAULT_RULES);
  byPerson.set(ORG, org.focus.minDailyHours);
  const teams = await overriddenTeamsOf(db, organisationId, personIds);
  const teamMinimum = new Map<string, number>();
  for (const teamId of new Set([...teams.values()].flat())) {
    const rules = await effectiveRulesOf(db, organisationId, teamId).catch(() => org);
    teamMinimum.set(teamId, rules.focus.minDailyHours);
  }
  for (const [personId, teamIds] of teams)
    byPerson.set(personId, Math.max(org.focus.minDailyHours, ...teamIds.map((t) => teamMinimum.get(t) ?? 0)));
  return byPerson;
}

function group<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.personId);
    if (list) list.push(row);
    else grouped.set(row.personId, [row]);
  }
  return grouped;
}

/** The nightly span: 13 weeks before now to the end of next week (every week it touches). */
export function reconcileSpan(now: number): Interval {
  return { start: now - RECONCILE_WEEKS_BACK * WEEK_MS, end: now + WEEK_MS };
}

/**
 * Nightly: every active person of every organisation (or of one), RECOMPUTE_BATCH at a time, over
 * `reconcileSpan` — whatever a change's job missed is right again the next morning.
 */
export async function reconcileInsights(
  deps: RollupDeps,
  options: { organisationId?: string; span?: Interval } = {},
): Promise<RecomputeResult> {
  const span = options.span ?? reconcileSpan(deps.clock.now().getTime());
  const total: RecomputeResult = { people: 0, personWeeks: 0 };
  let after: { organisationId: string; personId: string } | undefined;
  for (;;) {
    const page = await activePeoplePage(deps.db, options.organisationId, after, RECOMPUTE_BATCH);
    if (page.length === 0) break;
    const byOrganisation = new Map<string, string[]>();
    for (const p of page) {
      const ids = byOrganisation.get(p.organisationId);
      if (ids) ids.push(p.personId);
      else byOrganisation.set(p.organisationId, [p.personId]);
    }
    for (const [organisationId, ids] of byOrganisation) {
      const done = await recomputePersonWeeks(deps, organisationId, ids, span.start, span.end);
      total.people += done.people;
      total.personWeeks += done.personWeeks;
    }
    after = page[page.length - 1];
    if (page.length < RECOMPUTE_BATCH) break;
  }
  return total;
}
