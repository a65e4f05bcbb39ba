import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { insightsChangedJob } from "../src/contracts/insights";
import { loadConfig } from "../src/server/config";
import type { Deps } from "../src/server/deps";
import { insightsModule, recomputePersonWeeks } from "../src/server/modules/insights";
import { organisationInsights } from "../src/server/modules/insights/groups.service";
import { myInsights } from "../src/server/modules/insights/personal.service";
import { createMeeting } from "../src/server/modules/meetings";
import { createOrganisationWithOwner } from "../src/server/modules/setup";
import type { Clock } from "../src/server/platform/clock";
import { migrate } from "../src/server/platform/db/migrate";
import { openDatabase } from "../src/server/platform/db/open";
import type { Database } from "../src/server/platform/db/types";
import type { Actor } from "../src/server/platform/http/actor";
import type { JobDefinition } from "../src/server/platform/job";
import { startDeps } from "../src/server/runtime";
import { withClient, withDatabase } from "../test/support/pg-admin";
import {
  BUSY_ROWS,
  FIRST_WEEK,
  generateWorkload,
  MEETING_ROWS,
  PEOPLE,
  WEEKS,
  type Workload,
  ZONES,
} from "./lib/insights-workload";
import { type BenchOutcome, round } from "./lib/measure";

const NAME = "insights";
/**
 * TANDEM_BENCH_KEEP_INSIGHTS=1 keeps the generated database (`tandem_bench_insights`) between runs and
 * reuses it, rollups included, when complete: for development. Without it (`npm run bench`) the
 * database is built from nothing under a name of its own and dropped afterwards.
 */
const KEEP = process.env.TANDEM_BENCH_KEEP_INSIGHTS === "1";
const DATABASE = KEEP ? "tandem_bench_insights" : `tandem_bench_insights_${process.pid}`;
/** Bumped when the workload changes, so that a kept database of an older shape is made again. */
const WORKLOAD_VERSION = 2;
const RUNS = 5;
const TARGET_ORG_MS = 1_000;
const TARGET_ORG_SPEEDUP = 10;

const progress = (line: string) =>
  process.stderr.write(`[insights bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/** The 1-minute load average now (other work on the machine slows every figure here). */
const load = () => loadavg()[0]?.toFixed(1) ?? "?";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** One warm-up, then `runs` timed runs: the median and the last result. */
async function medianOf<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await fn();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value };
}

interface Meta {
  version: number;
  workload: Workload;
  rollupSeconds?: number;
  personWeeks?: number;
}

/** The workload a kept database already holds (complete and of this version), else undefined. */
async function keptWorkload(adminUrl: string): Promise<Meta | undefined> {
  const exists = await withClient(adminUrl, (c) =>
    c.query("select 1 from pg_database where datname = $1", [DATABASE]),
  );
  if (exists.rowCount === 0) return undefined;
  return withClient(withDatabase(adminUrl, DATABASE), async (c) => {
    const meta = await c
      .query<{ meta: Meta }>("select meta from bench_meta")
      .catch(() => ({ rows: [] as { meta: Meta }[] }));
    const found = meta.rows[0]?.meta;
    return found?.version === WORKLOAD_VERSION ? found : undefined;
  });
}

async function saveMeta(url: string, meta: Meta): Promise<void> {
  await withClient(url, async (c) => {
    await c.query("create table if not exists bench_meta (meta jsonb not null)");
    await c.query("delete from bench_meta");
    await c.query("insert into bench_meta (meta) values ($1)", [JSON.stringify(meta)]);
  });
}

/** The clock the services read: running, from the Wednesday after the year (so the year is "recent"). */
function benchClock(): Clock {
  const base = Date.parse("2026-01-07T12:00:00Z");
  const started = performance.now();
  return { now: () => new Date(base + (performance.now() - started)) };
}

/** Deps on the bench database: the job queue started (sending only, no workers), a silent log. */
async function benchDeps(database: Database, url: string): Promise<Deps> {
  const config = loadConfig({ DATABASE_URL: url, TANDEM_LOG_LEVEL: "silent" });
  return { ...(await startDeps(config, database, {})), clock: benchClock() };
}

async function closeDeps(deps: Deps): Promise<void> {
  await deps.jobs.stop();
  await deps.workers.close();
  await deps.events.close();
  await deps.storage.close();
}

/**
 * The naive organisation-year aggregate: each person's weekly meeting hours straight from the raw
 * events (Tandem meetings not cancelled nor declined, plus imported busy time, overlaps merged with
 * range_agg, weeks in the person's zone), then the median and 75th percentile per team.
 */
const NAIVE_TEAMS = `
  with events as (
    select a.person_id, m.start_at, m.end_at
      from meetings m join meeting_attendees a on a.meeting_id = m.id
     where m.organisation_id = $1 and a.organisation_id = $1 and m.status <> 'cancelled'
       and a.rsvp not in ('no', 'follow_async') and m.start_at < $3 and m.end_at > $2
    union all
    select b.person_id, b.start_at, b.end_at from busy_intervals b
     where b.organisation_id = $1 and b.start_at < $3 and b.end_at > $2
  ),
  weekly as (
    select e.person_id, date_trunc('week', e.start_at at time zone p.time_zone)::date as week,
           range_agg(tstzrange(e.start_at, e.end_at)) as busy
      from events e join people p on p.id = e.person_id
     where p.organisation_id = $1 and p.active
     group by 1, 2
  ),
  hours as (
    select w.person_id, w.week,
           (select sum(extract(epoch from upper(r) - lower(r))) / 3600 from unnest(w.busy) r) as hours
      from weekly w
  )
  select tm.team_id, count(distinct h.person_id)::int as people,
         percentile_cont(0.5) within group (order by h.hours) as median,
         percentile_cont(0.75) within group (order by h.hours) as p75
    from hours h join team_members tm on tm.person_id = h.person_id
   where tm.organisation_id = $1
   group by tm.team_id`;

/** The naive year of one person: their weekly meeting hours from the raw events (as above, one person). */
const NAIVE_PERSON = `
  with events as (
    select m.start_at, m.end_at
      from meeting_attendees a join meetings m on m.id = a.meeting_id
     where a.organisation_id = $1 and a.person_id = $2 and m.organisation_id = $1
       and m.status <> 'cancelled' and a.rsvp not in ('no', 'follow_async')
       and m.start_at < $4 and m.end_at > $3
    union all
    select b.start_at, b.end_at from busy_intervals b
     where b.organisation_id = $1 and b.person_id = $2 and b.start_at < $4 and b.end_at > $3
  ),
  weekly as (
    select date_trunc('week', e.start_at at time zone p.time_zone)::date as week,
           range_agg(tstzrange(e.start_at, e.end_at)) as busy
      from events e cross join (select time_zone from people where id = $2) p
     group by 1
  )
  select w.week, (select sum(extract(epoch from upper(r) - lower(r))) / 3600 from unnest(w.busy) r) as hours
    from weekly w order by w.week`;

/** The last day of the year's last week (a Sunday). */
const LAST_DAY = "2026-01-04";
/** Instants inside the first and the last week in every zone: the rollups cover exactly those 52 weeks. */
const SPAN = { start: Date.parse("2025-01-08T12:00:00Z"), end: Date.parse("2026-01-01T12:00:00Z") };
/** The issue's bar: a change is visible in insights within 60 s. */
const CHANGE_VISIBLE_MS = 60_000;

/** The year's bounds as instants: a day wider each side of the local weeks, as every zone's Monday falls. */
const YEAR_FROM = new Date(Date.parse(`${FIRST_WEEK}T00:00:00Z`) - 86_400_000);
const YEAR_TO = new Date(Date.parse(`${FIRST_WEEK}T00:00:00Z`) + (WEEKS * 7 + 1) * 86_400_000);

/**
 * Balance insights at 10,000 people (issue 16, "Scale") on PostgreSQL: a year of meetings and busy
 * time (5,000,000 rows), the rollups of every person-week made by the real rollup code, then (a) the
 * organisation-year aggregate by team and (b) one person's year, each beside a naive query over the
 * raw events in the same run, and (c) one new meeting's recompute path, commit to rollups updated.
 */
export async function runInsightsBench(): Promise<BenchOutcome> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    return {
      results: [],
      notes: [`${NAME}: not run — it needs PostgreSQL; set TEST_DATABASE_URL=postgres://… to run it`],
      failures: [],
    };
  const url = withDatabase(adminUrl, DATABASE);
  let meta = KEEP ? await keptWorkload(adminUrl) : undefined;
  if (meta) progress(`reusing the kept database ${DATABASE} (TANDEM_BENCH_KEEP_INSIGHTS=1)`);
  else {
    // Built afresh: none kept yet, or one left incomplete or by another version of the workload.
    if (KEEP) progress(`building ${DATABASE}, kept afterwards (TANDEM_BENCH_KEEP_INSIGHTS=1)`);
    await withClient(adminUrl, async (c) => {
      await c.query(`drop database if exists ${DATABASE} with (force)`);
      await c.query(`create database ${DATABASE}`);
    });
  }
  // The default pool (10): a rollup batch runs up to nine queries at once.
  const database = await openDatabase({ databaseUrl: url, dataDir: "" });
  let deps: Deps | undefined;
  try {
    if (!meta) {
      await migrate(database);
      const { organisation, person } = await createOrganisationWithOwner(database.db, {
        organisation: { name: "Insights bench", timeZone: "Europe/London" },
        owner: {
          name: "Person 0",
          email: "p0@insights.bench",
          password: "bench password 1",
          timeZone: "UTC",
        },
      });
      progress(
        `generating ${PEOPLE.toLocaleString("en")} people in ${ZONES.length} zones, ${MEETING_ROWS.toLocaleString("en")} meetings and ${BUSY_ROWS.toLocaleString("en")} busy intervals`,
      );
      const workload = await withClient(url, (c) =>
        generateWorkload(c, { organisationId: organisation.id, ownerId: person.id }, progress),
      );
      meta = { version: WORKLOAD_VERSION, workload };
      await saveMeta(url, meta);
    }
    deps = await benchDeps(database, url);
    return await measureAll(deps, url, meta);
  } finally {
    if (deps) await closeDeps(deps);
    await database.close();
    if (!KEEP) {
      await withClient(adminUrl, (c) => c.query(`drop database if exists ${DATABASE} with (force)`));
      progress(`dropped ${DATABASE}`);
    }
  }
}

/**
 * Rollups for every person-week of the year, by the real code (`recomputePersonWeeks`, RECOMPUTE_BATCH
 * people per set of queries), a thousand people per call so that progress can be shown.
 */
async function rollUpYear(
  deps: Deps,
  url: string,
  organisationId: string,
): Promise<{ seconds: number; personWeeks: number }> {
  const ids = await withClient(url, (c) =>
    c.query<{ id: string }>("select id from people where organisation_id = $1 and active order by id", [
      organisationId,
    ]),
  );
  const people = ids.rows.map((r) => r.id);
  const started = performance.now();
  let personWeeks = 0;
  for (let at = 0; at < people.length; at += 1_000) {
    const done = await recomputePersonWeeks(
      deps,
      organisationId,
      people.slice(at, at + 1_000),
      SPAN.start,
      SPAN.end,
    );
    personWeeks += done.personWeeks;
    const seconds = (performance.now() - started) / 1000;
    progress(
      `rollups: ${Math.min(at + 1_000, people.length)} of ${people.length} people, ${personWeeks} person-weeks in ${round(seconds, 1)} s (${Math.round(personWeeks / seconds)}/s)`,
    );
  }
  return { seconds: (performance.now() - started) / 1000, personWeeks };
}

const actorOf = (organisationId: string, personId: string, role: Actor["role"]): Actor => ({
  organisationId,
  personId,
  role,
  via: "cli",
});

/** The recompute job as the worker runs it (its definition from the insights module). */
const recomputeJob = insightsModule.jobs.find((j) => j.name === insightsChangedJob.name) as JobDefinition<
  typeof insightsChangedJob.payload,
  Deps
>;

interface ChangeTiming {
  /** Commit of the meeting's transaction → every attendee's rollup of that week rewritten. */
  ms: number;
  /** The handler alone. */
  handlerMs: number;
  queued: boolean;
  personWeeks: number;
}

/**
 * (c) One new meeting of 5 people through `createMeeting` (the POST /meetings service): the clock
 * is read at the end of its transaction, the job it queued is taken from the queue and its handler
 * run on that payload, and the attendees' rollup rows of that week are checked rewritten.
 */
async function changeOneMeeting(
  deps: Deps,
  url: string,
  organisationId: string,
  k: number,
): Promise<ChangeTiming> {
  const team = await withClient(url, (c) =>
    c.query<{ id: string; members: string[]; zone: string }>(
      "select id, members, zone from bench_teams where cardinality(members) >= 5 order by t offset $1 limit 1",
      [k * 37],
    ),
  );
  const { id: teamId, members } = team.rows[0] as { id: string; members: string[] };
  const [organiser, ...others] = members.slice(0, 5) as [string, ...string[]];
  const start = new Date(Date.parse("2025-11-12T13:00:00Z") + k * 86_400_000);
  let committing = 0;
  const created = await createMeeting(
    deps,
    actorOf(organisationId, organiser, "member"),
    {
      title: `Bench change ${k}`,
      kind: "planning",
      start: start.toISOString(),
      durationMinutes: 45,
      teamId,
      attendees: others.map((personId) => ({ personId })),
      override: { reason: "The insights benchmark books this meeting whatever the agreement says." },
    },
    {
      within: async () => {
        committing = performance.now();
      },
    },
  );
  const meetingStart = Date.parse(created.meeting.start);
  const queued = await withClient(url, (c) =>
    c.query<{ id: string; data: unknown }>(
      `select id, data from pgboss.job where name = $1 and state = 'created' and data->'personIds' ? $2
        order by created_on desc limit 1`,
      [insightsChangedJob.name, organiser],
    ),
  );
  const job = queued.rows[0];
  const payload = job
    ? recomputeJob.payload.parse(job.data)
    : {
        organisationId,
        personIds: members.slice(0, 5),
        from: new Date(meetingStart).toISOString(),
        to: new Date(meetingStart + 45 * 60_000).toISOString(),
      };
  const handling = performance.now();
  const result = (await recomputeJob.handle(deps, payload)) as { personWeeks: number };
  const done = performance.now();
  if (job) await withClient(url, (c) => c.query("delete from pgboss.job where id = $1", [job.id]));
  const rewritten = await withClient(url, (c) =>
    c.query<{ n: number }>(
      `select count(*)::int as n from insight_weeks w join people p on p.id = w.person_id
        where w.person_id = any($1::uuid[])
          and w.week_start = date_trunc('week', $2::timestamptz at time zone p.time_zone)::date
          and w.computed_at >= $3`,
      [
        members.slice(0, 5),
        new Date(meetingStart),
        new Date(deps.clock.now().getTime() - (done - committing) - 1_000),
      ],
    ),
  );
  if ((rewritten.rows[0]?.n ?? 0) < 5)
    throw new Error(
      `insights bench: the new meeting's rollups were not rewritten (${rewritten.rows[0]?.n} of 5)`,
    );
  return {
    ms: done - committing,
    handlerMs: done - handling,
    queued: Boolean(job),
    personWeeks: result.personWeeks,
  };
}

async function measureAll(deps: Deps, url: string, meta: Meta): Promise<BenchOutcome> {
  const { workload } = meta;
  const { organisationId } = workload;
  const generated = Object.values(workload.seconds).reduce((a, b) => a + b, 0);
  const notes = [
    `${NAME}: ${PEOPLE} people in ${ZONES.length} zones, ${workload.teams} teams of 5–12 (${workload.teamMemberships} memberships), ${workload.meetings} meetings with ${workload.attendees} attendees, ${workload.busyIntervals} busy intervals; generated in ${round(generated, 1)} s (${Object.entries(
      workload.seconds,
    )
      .map(([k, s]) => `${k} ${s} s`)
      .join(", ")})`,
  ];
  const results: BenchOutcome["results"] = [];
  const failures: string[] = [];

  if (meta.rollupSeconds === undefined || meta.personWeeks === undefined) {
    progress(`rollups of every person-week of the year (${PEOPLE} × ${WEEKS})…`);
    const rolled = await rollUpYear(deps, url, organisationId);
    meta.rollupSeconds = rolled.seconds;
    meta.personWeeks = rolled.personWeeks;
    if (KEEP) await saveMeta(url, meta);
  } else progress("rollups kept from an earlier run");
  notes.push(
    `${NAME}: rollups of the year by recomputePersonWeeks: ${meta.personWeeks} person-weeks in ${round(meta.rollupSeconds, 1)} s (${Math.round(meta.personWeeks / meta.rollupSeconds)} person-weeks/s)`,
  );
  if (meta.personWeeks !== PEOPLE * WEEKS)
    failures.push(
      `${NAME}: the year's rollups wrote ${meta.personWeeks} person-weeks; expected ${PEOPLE * WEEKS}`,
    );

  const bench = await withClient(url, (c) =>
    c.query<{ hr: string; person: string }>(
      "select (select id from bench_people where role = 'hr' order by n limit 1) as hr, (select id from bench_people where n = 4321) as person",
    ),
  );
  const { hr, person } = bench.rows[0] as { hr: string; person: string };

  // (a) The organisation's year by team: the GET /insights/organisation?groupBy=team service, as HR.
  progress("(a) organisation-year aggregate by team…");
  const query = { from: FIRST_WEEK, to: LAST_DAY, groupBy: "team" as const };
  const loads = [`rollups done ${load()}`];
  const ours = await medianOf(RUNS, () =>
    organisationInsights(deps, actorOf(organisationId, hr, "hr"), query),
  );
  loads.push(`(a) ${load()}`);
  progress(`(a) ours: ${round(ours.ms)} ms; the naive query over the raw events (about a minute)…`);
  const naive = await withClient(url, (c) =>
    timed(() =>
      c.query<{ team_id: string; people: number; median: number; p75: number }>(NAIVE_TEAMS, [
        organisationId,
        YEAR_FROM,
        YEAR_TO,
      ]),
    ),
  );
  loads.push(`(a) naive ${load()}`);
  const shown = ours.value.groups.filter((g) => !g.suppressed);
  const byTeam = new Map(ours.value.groups.map((g) => [g.key, g]));
  const differ = naive.value.rows.filter((row) => {
    const group = byTeam.get(row.team_id);
    return !group?.meetingHours || Math.abs(group.meetingHours.median - Number(row.median)) > 0.25;
  }).length;
  if (shown.length < workload.teams * 0.95)
    failures.push(`${NAME} (a): only ${shown.length} of ${workload.teams} teams have figures`);
  if (differ > naive.value.rows.length * 0.02)
    failures.push(
      `${NAME} (a): the rollups' median weekly meeting hours and the naive query's differ by more than 0.25 h for ${differ} of ${naive.value.rows.length} teams`,
    );
  const speedupA = naive.ms / ours.ms;
  if (ours.ms > TARGET_ORG_MS)
    failures.push(`${NAME} (a): median ${round(ours.ms, 1)} ms; needs ≤ ${TARGET_ORG_MS} ms`);
  if (speedupA < TARGET_ORG_SPEEDUP)
    failures.push(`${NAME} (a): ${round(speedupA, 1)}× the naive query; needs ≥ ${TARGET_ORG_SPEEDUP}×`);
  results.push({
    name: "insights: organisation year by team, 10k people",
    workload: `organisationInsights (GET /insights/organisation?groupBy=team, as HR) over ${WEEKS} weeks: ${workload.teams} teams of ${PEOPLE} people, median and p75 of every figure and the meeting-hours distribution per team, privacy checks included, from the insight_weeks rollups (${meta.personWeeks} rows)`,
    median_ms: round(ours.ms),
    baseline: `one SQL query over the raw events: each person's weekly meeting hours from ${workload.meetings} meetings (${workload.attendees} attendees) and ${workload.busyIntervals} busy intervals (overlaps merged with range_agg), then the median and p75 per team; one run`,
    baseline_median_ms: round(naive.ms),
    speedup: round(speedupA, 1),
  });
  notes.push(
    `${NAME} (a): ${shown.length} of ${ours.value.groups.length} teams with figures; team medians of weekly meeting hours agree with the naive query within 0.25 h for ${naive.value.rows.length - differ} of ${naive.value.rows.length} teams`,
  );

  // (b) One person's year: GET /insights/me's service against the naive query for that person.
  progress("(b) one person's year…");
  const mine = await medianOf(RUNS, () =>
    myInsights(deps, actorOf(organisationId, person, "member"), { from: FIRST_WEEK, to: LAST_DAY }),
  );
  const naivePerson = await withClient(url, (c) =>
    medianOf(RUNS, () =>
      c.query<{ week: Date | string; hours: number }>(NAIVE_PERSON, [
        organisationId,
        person,
        YEAR_FROM,
        YEAR_TO,
      ]),
    ),
  );
  loads.push(`(b) ${load()}`);
  const naiveWeeks = new Map(
    naivePerson.value.rows.map((r) => [
      typeof r.week === "string" ? r.week : r.week.toISOString().slice(0, 10),
      Number(r.hours),
    ]),
  );
  const weekDiffer = mine.value.weeks.filter(
    (w) => Math.abs(w.meetingHours - (naiveWeeks.get(w.weekStart) ?? 0)) > 0.25,
  ).length;
  if (mine.value.weeks.length !== WEEKS)
    failures.push(`${NAME} (b): ${mine.value.weeks.length} weeks in the person's year; expected ${WEEKS}`);
  if (weekDiffer > 1)
    failures.push(`${NAME} (b): weekly meeting hours differ from the naive query's in ${weekDiffer} weeks`);
  results.push({
    name: "insights: one person's year",
    workload: `myInsights (GET /insights/me) over ${WEEKS} weeks for one person of ${PEOPLE}: their weeks from the rollups, their largest team's agreement and burden points, alerts`,
    median_ms: round(mine.ms),
    baseline: `one SQL query over the raw events: that person's weekly meeting hours from their meetings and busy intervals (range_agg), ${RUNS} runs`,
    baseline_median_ms: round(naivePerson.ms),
    speedup: round(naivePerson.ms / mine.ms, 1),
  });

  // (c) One changed meeting → its rollups updated, against recomputing the 5 attendees' whole year.
  progress("(c) one new meeting → its rollups…");
  const changes: ChangeTiming[] = [];
  for (let k = 0; k < RUNS + 1; k++) changes.push(await changeOneMeeting(deps, url, organisationId, k));
  changes.shift();
  const changeMs = median(changes.map((c) => c.ms));
  const handlerMs = median(changes.map((c) => c.handlerMs));
  const five = await withClient(url, (c) =>
    c.query<{ members: string[] }>(
      "select members from bench_teams where cardinality(members) >= 5 order by t limit 1",
    ),
  );
  const attendees = (five.rows[0]?.members ?? []).slice(0, 5);
  const wholeYear = await medianOf(2, () =>
    recomputePersonWeeks(deps, organisationId, attendees, SPAN.start, SPAN.end),
  );
  loads.push(`(c) ${load()}`);
  if (changeMs > CHANGE_VISIBLE_MS)
    failures.push(
      `${NAME} (c): a changed meeting took ${round(changeMs)} ms to reach the rollups; needs < 60 s`,
    );
  if (changes.some((c) => !c.queued))
    failures.push(
      `${NAME} (c): createMeeting queued no recompute-insights job (the handler ran on a payload made here)`,
    );
  results.push({
    name: "insights: one new meeting → rollups updated",
    workload: `createMeeting for 5 people of a team (the POST /meetings service), then the recompute-insights job it queued taken from the queue and its handler run: end of the meeting's transaction (commit included) → the 5 attendees' rollup rows of that week rewritten; ${RUNS} meetings (median; one more before, untimed)`,
    median_ms: round(changeMs),
    baseline: "recomputing the same 5 people's whole year (52 weeks each) with recomputePersonWeeks",
    baseline_median_ms: round(wholeYear.ms),
    speedup: round(wholeYear.ms / changeMs, 1),
  });
  notes.push(
    `${NAME} (c): the handler alone ${round(handlerMs, 1)} ms for ${changes[0]?.personWeeks} person-weeks; the rest is taking the job from the queue`,
    `${NAME}: 1-minute load average (2 cores) after ${loads.join(", ")}`,
  );
  return { results, notes, failures };
}

if (process.argv[1]?.endsWith("insights.bench.ts"))
  console.log(JSON.stringify(await runInsightsBench(), null, 2));
