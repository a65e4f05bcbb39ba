import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { WeekPattern } from "../../src/core/time";
import { Random } from "./prng";

/**
 * The insights scale workload (issue 16): one organisation of 10,000 people in 8 zones, in teams of
 * 5–12 (a few people in two), with a year of meetings and imported busy time — 5,000,000 rows of
 * `meetings` and `busy_intervals` together — written by PostgreSQL itself (`INSERT … SELECT …
 * generate_series`), indexes and foreign keys of the big tables built again after the rows.
 */
export const PEOPLE = 10_000;
export const ZONES = [
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
] as const;
/** The year: 52 weeks from Monday 6 January 2025 (local dates in each person's zone). */
export const FIRST_WEEK = "2025-01-06";
export const WEEKS = 52;
/** Imported busy intervals per person per week, on distinct half-days (never overlapping each other). */
export const BUSY_PER_WEEK = 7;
export const BUSY_ROWS = PEOPLE * WEEKS * BUSY_PER_WEEK;
/** Meetings: the rest of the 5,000,000 events. */
export const MEETING_ROWS = 5_000_000 - BUSY_ROWS;
/** A share of people in a second team as well (overlapping teams, as organisations have). */
const SECOND_TEAM_SHARE = 0.05;

const span = (start: string, end: string) => [{ start, end }];
const weekOf = (days: string[], spans: { start: string; end: string }[]): WeekPattern =>
  Object.fromEntries(days.map((d) => [d, spans]));
const MON_FRI = ["mon", "tue", "wed", "thu", "fri"];
/** Working patterns and how often each occurs: most 9–5:30, early starters, part-time, split days. */
const PATTERNS: [number, WeekPattern][] = [
  [0.6, weekOf(MON_FRI, span("09:00", "17:30"))],
  [0.25, weekOf(MON_FRI, span("08:00", "16:00"))],
  [0.1, weekOf(["mon", "tue", "wed", "thu"], span("09:00", "17:00"))],
  [
    0.05,
    weekOf(MON_FRI, [
      { start: "07:00", end: "11:00" },
      { start: "14:00", end: "18:00" },
    ]),
  ],
];

function pattern(random: Random): WeekPattern {
  let u = random.next();
  for (const [share, week] of PATTERNS) {
    if (u < share) return week;
    u -= share;
  }
  return PATTERNS[0]?.[1] as WeekPattern;
}

export interface Workload {
  organisationId: string;
  /** An admin (the owner): the viewer of the organisation-wide aggregate. */
  ownerId: string;
  teams: number;
  teamMemberships: number;
  meetings: number;
  attendees: number;
  busyIntervals: number;
  /** Seconds: people and teams, meetings, attendees, busy intervals, indexes and keys, analyze. */
  seconds: Record<string, number>;
}

type Progress = (line: string) => void;

async function step<T>(seconds: Record<string, number>, name: string, log: Progress, work: () => Promise<T>) {
  log(`${name}…`);
  const started = performance.now();
  const value = await work();
  seconds[name] = Math.round((performance.now() - started) / 100) / 10;
  log(`${name}: ${seconds[name]} s (load average ${loadavg()[0]?.toFixed(1)})`);
  return value;
}

interface Ddl {
  drop: string[];
  create: string[];
}

/**
 * What to drop before loading `tables` and make again after: their keys, indexes and foreign keys,
 * and the foreign keys of other tables that refer to them. Foreign keys come back `not valid` (the
 * generated rows are consistent by construction; new rows are checked as ever), keys and indexes as
 * they were.
 */
async function droppable(client: pg.Client, tables: readonly string[]): Promise<Ddl> {
  const constraints = await client.query<{ owner: string; name: string; def: string; type: string }>(
    `select conrelid::regclass::text as owner, conname as name, pg_get_constraintdef(oid) as def, contype as type
       from pg_constraint
      where (conrelid = any($1::regclass[]) and contype in ('f', 'p', 'u'))
         or (confrelid = any($1::regclass[]) and contype = 'f')`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
      where tablename = any($1::text[]) and schemaname = 'public'
        and indexname not in (select conname from pg_constraint)`,
    [tables],
  );
  const foreign = constraints.rows.filter((c) => c.type === "f");
  const keys = constraints.rows.filter((c) => c.type !== "f");
  const add = (c: { owner: string; name: string; def: string }, suffix = "") =>
    `alter table ${c.owner} add constraint ${c.name} ${c.def}${suffix}`;
  return {
    drop: [
      ...foreign.map((c) => `alter table ${c.owner} drop constraint ${c.name}`),
      ...keys.map((c) => `alter table ${c.owner} drop constraint ${c.name}`),
      ...indexes.rows.map((i) => `drop index ${i.name}`),
    ],
    create: [
      ...keys.map((c) => add(c)),
      ...indexes.rows.map((i) => i.def),
      ...foreign.map((c) => add(c, " not valid")),
    ],
  };
}

/**
 * Writes the organisation into a migrated, empty database through `client` and returns what it
 * wrote. People, teams and calendars come from a seeded PRNG in JS (10,000 rows); meetings,
 * attendees and busy intervals from deterministic hashes in SQL.
 */
export async function generateWorkload(
  client: pg.Client,
  owner: { organisationId: string; ownerId: string },
  log: Progress,
): Promise<Workload> {
  const { organisationId, ownerId } = owner;
  const seconds: Record<string, number> = {};
  const random = new Random(16);
  await client.query("set synchronous_commit = off");
  await client.query("set maintenance_work_mem = '512MB'");
  await client.query("set work_mem = '64MB'");

  const { teams, memberships } = await step(seconds, "people, teams and calendars", log, async () => {
    // Person n: a zone by team (four in five work where their team does), a working pattern.
    const zones: string[] = [];
    const patterns: string[] = [];
    const teamOf: number[] = [];
    const teamSizes: number[] = [];
    for (let n = 0; n < PEOPLE; ) {
      const size = Math.min(random.int(5, 12), PEOPLE - n);
      const team = teamSizes.length;
      const teamZone = ZONES[team % ZONES.length] as string;
      for (let k = 0; k < size; k++, n++) {
        teamOf.push(team);
        zones.push(random.chance(0.8) ? teamZone : random.pick(ZONES));
        patterns.push(JSON.stringify(pattern(random)));
      }
      teamSizes.push(size);
    }
    const roles = Array.from({ length: PEOPLE }, (_, n) =>
      n === 0 ? "owner" : n % 500 === 1 ? "hr" : n % 200 === 2 ? "admin" : "member",
    );
    await client.query(
      `create table bench_people as
          select (r.n - 1)::int as n, gen_random_uuid() as id, r.zone, r.pattern::jsonb as pattern, r.team, r.role
            from unnest($1::text[], $2::text[], $3::int[], $4::text[]) with ordinality as r(zone, pattern, team, role, n)`,
      [zones, patterns, teamOf, roles],
    );
    // Person 0 is the owner the organisation was made with.
    await client.query(`update bench_people set id = $1::uuid where n = 0`, [ownerId]);
    await client.query(
      `update people p set time_zone = b.zone, working_pattern = b.pattern from bench_people b
          where b.n = 0 and p.id = b.id`,
    );
    await client.query(
      `insert into people (id, organisation_id, name, email, role, time_zone, working_pattern, active)
          select id, $1::uuid, 'Person ' || n, 'p' || n || '@insights.bench', role, zone, pattern, true
            from bench_people where n > 0`,
      [organisationId],
    );
    await client.query(
      `create table bench_teams as
          select team as t, gen_random_uuid() as id from (select distinct team from bench_people) x`,
    );
    await client.query(
      `insert into teams (id, organisation_id, name) select id, $1::uuid, 'Team ' || t from bench_teams`,
      [organisationId],
    );
    // The first of each team leads it; one in twenty is also a member of another team.
    const second = Array.from({ length: PEOPLE }, (_, n) =>
      random.chance(SECOND_TEAM_SHARE)
        ? ((teamOf[n] as number) + random.int(1, teamSizes.length - 1)) % teamSizes.length
        : -1,
    );
    await client.query(
      `insert into team_members (team_id, person_id, organisation_id, role)
          select t.id, p.id, $1::uuid, case when p.n = min(p.n) over (partition by p.team) then 'lead' else 'member' end
            from bench_people p join bench_teams t on t.t = p.team
          union all
          select t.id, p.id, $1::uuid, 'member'
            from unnest($2::int[]) with ordinality as s(team, n)
            join bench_people p on p.n = s.n - 1 join bench_teams t on t.t = s.team
           where s.team >= 0`,
      [organisationId, second],
    );
    await client.query(
      `alter table bench_teams add column members uuid[], add column zone text;
         update bench_teams b set members = m.members, zone = m.zone from (
           select tm.team_id, array_agg(tm.person_id order by tm.role, tm.person_id) as members,
                  mode() within group (order by p.time_zone) as zone
             from team_members tm join people p on p.id = tm.person_id group by tm.team_id) m
          where m.team_id = b.id;
         alter table bench_people add primary key (n);
         alter table bench_teams add primary key (t);`,
    );
    await client.query(
      `insert into calendars (organisation_id, person_id, name, kind, event_count, last_synced_at)
          select $1::uuid, id, 'Work calendar', 'file', ${WEEKS * BUSY_PER_WEEK}, now() from bench_people`,
      [organisationId],
    );
    const count = await client.query<{ n: string }>(`select count(*) as n from team_members`);
    return {
      teams: teamSizes.length,
      memberships: Number(count.rows[0]?.n),
    };
  });

  // Loaded unlogged, without keys, indexes or foreign keys; made logged, then indexed, afterwards.
  const big = ["meetings", "meeting_attendees", "busy_intervals"];
  const ddl = await droppable(client, big);
  for (const statement of ddl.drop) await client.query(statement);
  for (const table of big) await client.query(`alter table ${table} set unlogged`);

  // Meeting g: of team g mod T, its organiser one of the team, 2–6 of the team attending, in week
  // ⌊g·52/M⌋ on a weekday, 08:00–16:30 in the team's zone (one in twenty at 07:00 or 18:00), 30–90 min.
  await step(seconds, `${MEETING_ROWS.toLocaleString("en")} meetings`, log, () =>
    client.query(
      `insert into meetings (id, organisation_id, title, kind, organiser_id, team_id, start_at, end_at,
                             duration_minutes, status, created_at, updated_at)
        select md5('meeting ' || g)::uuid, $1::uuid, 'Meeting ' || g,
               (array['standup','planning','one_to_one','status_update','decision','brainstorm','other'])[1 + h % 7],
               t.members[1 + (h / 7) % cardinality(t.members)], t.id, s.at, s.at + make_interval(mins => s.minutes),
               s.minutes, case when h % 50 = 0 then 'cancelled' else 'scheduled' end, s.at - interval '7 days', s.at
          from generate_series(0, $2::int - 1) g
          cross join lateral (select (abs(hashint4extended(g, 1)) % 1000000007)::int as h) x
          join bench_teams t on t.t = g % $3::int
          cross join lateral (
            select (array[30, 30, 45, 60, 60, 90])[1 + (h / 11) % 6] as minutes,
                   (date '${FIRST_WEEK}' + ((g::bigint * ${WEEKS}) / $2::int)::int * 7 + (h / 13 % 5)::int
                     + make_interval(mins => case when h % 20 = 0 then (array[420, 1080])[1 + (h / 17) % 2]
                                                  else 480 + ((h / 19) % 18)::int * 30 end)
                   ) at time zone t.zone as at
          ) s`,
      [organisationId, MEETING_ROWS, teams],
    ),
  );
  const attendees = await step(seconds, "attendees", log, async () => {
    const result = await client.query(
      `insert into meeting_attendees (meeting_id, organisation_id, person_id, required, rsvp, rsvp_at)
        select md5('meeting ' || g)::uuid, $1::uuid, t.members[1 + ((h / 7) % size + j) % size], j < 4,
               case when j = 0 then 'yes' when (h / 23 + j) % 20 = 0 then 'no'
                    when (h / 23 + j) % 7 = 0 then 'pending' else 'yes' end,
               case when j = 0 or (h / 23 + j) % 7 <> 0 then now() end
          from generate_series(0, $2::int - 1) g
          cross join lateral (select (abs(hashint4extended(g, 1)) % 1000000007)::int as h) x
          join bench_teams t on t.t = g % $3::int
          cross join lateral (select cardinality(t.members) as size) c
          cross join lateral generate_series(0, least(size, 2 + (h / 29) % 5) - 1) j`,
      [organisationId, MEETING_ROWS, teams],
    );
    return result.rowCount ?? 0;
  });
  // Busy interval k of person p in week w: on half-day (3k + p + w) mod 10, so never two on one
  // half-day; mornings 08:00–10:30 start, afternoons 13:00–16:30 (some running past the working day).
  await step(seconds, `${BUSY_ROWS.toLocaleString("en")} busy intervals`, log, () =>
    client.query(
      `insert into busy_intervals (calendar_id, organisation_id, person_id, start_at, end_at)
        select c.id, $1::uuid, p.id, s.at, s.at + make_interval(mins => s.minutes)
          from bench_people p
          join calendars c on c.person_id = p.id
          cross join generate_series(0, ${WEEKS - 1}) w
          cross join generate_series(0, ${BUSY_PER_WEEK - 1}) k
          cross join lateral (select (abs(hashint4extended(p.n * 1000 + w * 10 + k, 2)) % 1000000007)::int as h,
                                     (3 * k + p.n + w) % 10 as half) x
          cross join lateral (
            select 30 + ((h % 4)::int) * 20 as minutes,
                   (date '${FIRST_WEEK}' + w * 7 + half / 2
                     + make_interval(mins => case when half % 2 = 0 then 480 + ((h / 5) % 6)::int * 30
                                                  else 780 + ((h / 7) % 8)::int * 30 end)
                   ) at time zone p.zone as at
          ) s`,
      [organisationId],
    ),
  );
  await step(seconds, "logged", log, async () => {
    for (const table of big) await client.query(`alter table ${table} set logged`);
  });
  await step(seconds, "indexes and keys", log, async () => {
    for (const statement of ddl.create) {
      const started = performance.now();
      await client.query(statement);
      log(`  ${statement.slice(0, 90)}: ${Math.round(performance.now() - started)} ms`);
    }
  });
  await step(seconds, "analyze", log, () =>
    client.query("vacuum analyze meetings, meeting_attendees, busy_intervals, people, teams, team_members"),
  );
  const busy = await client.query<{ n: string }>("select count(*) as n from busy_intervals");
  return {
    organisationId,
    ownerId,
    teams,
    teamMemberships: memberships,
    meetings: MEETING_ROWS,
    attendees,
    busyIntervals: Number(busy.rows[0]?.n),
    seconds,
  };
}
