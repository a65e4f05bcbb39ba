import { performance } from "node:perf_hooks";
import { type SQL, sql } from "drizzle-orm";
import type { SearchQuery } from "../src/contracts/search";
import { DEFAULT_WEEK, insertPerson } from "../src/server/modules/people";
import { search } from "../src/server/modules/search/search.service";
import { createOrganisationWithOwner } from "../src/server/modules/setup";
import { migrate } from "../src/server/platform/db/migrate";
import { openDatabase } from "../src/server/platform/db/open";
import type { Database } from "../src/server/platform/db/types";
import type { Actor } from "../src/server/platform/http/actor";
import { freshDatabase } from "../test/support/pg-admin";
import { type BenchOutcome, round } from "./lib/measure";
import { Random } from "./lib/prng";

const NAME = "search: 100k documents and updates";
const ROWS_PER_KIND = 50_000;
const BATCH = 2_500;
const VOCABULARY = 30_000;
/** Words per body: about 1 KB of prose. */
const BODY_WORDS = 160;
const RUNS = 7;
const TARGET_MS = 100;
const TARGET_SPEEDUP = 20;

/**
 * Pronounceable made-up words, distinct, in rank order: word r is drawn with probability ∝ 1/r
 * (Zipf), so the first few are in nearly every row and those past a few thousand in a handful.
 */
function vocabulary(random: Random): string[] {
  const onsets = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "st",
    "tr",
  ];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ou"];
  const words = new Set<string>();
  while (words.size < VOCABULARY) {
    let word = "";
    for (let s = random.int(2, 4); s > 0; s--) word += random.pick(onsets) + random.pick(vowels);
    words.add(word);
  }
  return [...words];
}

/** A Zipf-ish rank in [0, n): floor(n^u) − 1 for uniform u has P(r) ∝ 1/r. */
const zipf = (random: Random, n: number) => Math.min(n - 1, Math.floor(n ** random.next()) - 1);

function prose(random: Random, words: string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(words[zipf(random, words.length)] as string);
    if (random.chance(0.08)) out.push(random.chance(0.5) ? "." : ",");
  }
  return out.join(" ").replaceAll(" .", ".").replaceAll(" ,", ",");
}

/** The rows, generated in JS from a seed and sent in batches as arrays (one statement per batch). */
async function load(database: Database, orgId: string, authorId: string, words: string[]): Promise<number> {
  const random = new Random(13);
  // Bulk load, then index: the GIN indexes of migration 0015 are built again, as they were, after the rows.
  await database.db.execute(sql`drop index documents_search_idx, updates_search_idx`);
  const start = Date.parse("2023-01-01T00:00:00Z");
  for (const kind of ["documents", "updates"] as const) {
    for (let offset = 0; offset < ROWS_PER_KIND; offset += BATCH) {
      const titles: string[] = [];
      const bodies: string[] = [];
      const times: string[] = [];
      for (let i = 0; i < BATCH; i++) {
        titles.push(prose(random, words, random.int(3, 7)));
        bodies.push(prose(random, words, BODY_WORDS));
        times.push(new Date(start + random.int(0, 700 * 86_400) * 1000).toISOString());
      }
      const rows = sql`unnest(${sql.param(titles)}::text[], ${sql.param(bodies)}::text[], ${sql.param(times)}::timestamptz[]) as r(title, body, at)`;
      await database.db.execute(
        kind === "documents"
          ? sql`insert into documents (organisation_id, owner_id, updated_by, title, body, audience_organisation, created_at, updated_at)
              select ${orgId}, ${authorId}, ${authorId}, r.title, r.body, true, r.at, r.at from ${rows}`
          : sql`insert into updates (organisation_id, kind, author_id, title, body, audience_organisation, created_at)
              select ${orgId}, 'status', ${authorId}, r.title, r.body, true, r.at from ${rows}`,
      );
    }
  }
  const inserted = performance.now();
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    await tx.execute(sql`create index documents_search_idx on documents using gin (search_vector)`);
    await tx.execute(sql`create index updates_search_idx on updates using gin (search_vector)`);
  });
  await database.db.execute(sql`vacuum analyze documents, updates`);
  return performance.now() - inserted;
}

/** About 20 queries: rare words, medium ones, two words, phrases taken from the generated text. */
function queries(words: string[]): { label: string; q: string; like: string[] }[] {
  const at = (rank: number) => words[rank] as string;
  const one = (label: string, rank: number) => ({ label, q: at(rank), like: [at(rank)] });
  return [
    ...[4000, 6000, 8000, 11000, 15000, 20000, 25000, 29000].map((r) => one("rare", r)),
    ...[300, 600, 1200, 2000].map((r) => one("medium", r)),
    ...[
      [400, 9000],
      [1500, 3000],
      [800, 12000],
      [2500, 5000],
    ].map(([a = 0, b = 0]) => ({ label: "two words", q: `${at(a)} ${at(b)}`, like: [at(a), at(b)] })),
    ...[
      [3, 7000],
      [1, 9500],
      [5, 4500],
      [2, 13000],
    ].map(([a = 0, b = 0]) => ({
      label: "phrase",
      q: `"${at(a)} ${at(b)}"`,
      like: [`${at(a)} ${at(b)}`],
    })),
  ];
}

/**
 * The naive way, for the same words and the same viewer: `ILIKE '%word%'` over title and body of
 * every document and update the viewer may read (the same visibility rule, spelled out), newest first.
 */
async function naive(database: Database, actor: Actor, like: string[]): Promise<number> {
  const matches = (title: SQL, body: SQL) =>
    sql.join(
      like.map((w) => sql`(${title} ilike ${`%${w}%`} or ${body} ilike ${`%${w}%`})`),
      sql` and `,
    );
  const result = await database.db.execute(sql`
    select id, title, at from (
      select d.id, d.title, d.updated_at as at from documents d
        where d.organisation_id = ${actor.organisationId}
          and (d.owner_id = ${actor.personId} or d.audience_organisation)
          and ${matches(sql`d.title`, sql`d.body`)}
      union all
      select u.id, u.title, u.created_at from updates u
        where u.organisation_id = ${actor.organisationId}
          and (u.author_id = ${actor.personId} or u.audience_organisation)
          and ${matches(sql`u.title`, sql`u.body`)}
    ) hits order by at desc limit 21`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

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

/** A database of its own on the server TEST_DATABASE_URL names, dropped afterwards. */
async function withScratch<T>(adminUrl: string, work: (database: Database) => Promise<T>): Promise<T> {
  const scratch = await freshDatabase(adminUrl, `tandem_bench_search_${process.pid}`);
  const database = await openDatabase({ databaseUrl: scratch.url, dataDir: "" });
  try {
    await migrate(database);
    return await work(database);
  } finally {
    await database.close();
    await scratch.drop();
  }
}

/**
 * Search over 50,000 documents and 50,000 updates (about 1 KB of Zipf-distributed prose each) on
 * PostgreSQL, through `search` itself (the statement GET /search runs, snippets included), against a
 * naive ILIKE scan of the same rows for the same words with the same visibility, in the same run.
 */
export async function runSearchBench(): Promise<BenchOutcome> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    return {
      results: [],
      notes: [`${NAME}: not run — it needs PostgreSQL; set TEST_DATABASE_URL=postgres://… to run it`],
      failures: [],
    };
  return withScratch(adminUrl, async (database) => {
    const { organisation, person } = await createOrganisationWithOwner(database.db, {
      organisation: { name: "Search bench", timeZone: "UTC" },
      owner: { name: "Owner", email: "owner@search.bench", password: "bench password 1", timeZone: "UTC" },
    });
    const viewer = await insertPerson(database.db, {
      organisationId: organisation.id,
      name: "Viewer",
      email: "viewer@search.bench",
      role: "member",
      timeZone: "UTC",
      workingPattern: DEFAULT_WEEK,
      active: true,
    });
    const actor: Actor = { personId: viewer.id, organisationId: organisation.id, role: "member", via: "cli" };
    const words = vocabulary(new Random(7));
    const loading = await timed(() => load(database, organisation.id, person.id, words));

    const deps = { db: database.db };
    const set = queries(words);
    const searchTimes: number[] = [];
    const baselineTimes: number[] = [];
    const byLabel = new Map<string, number[]>();
    let found = 0;
    for (const { label, q, like } of set) {
      const input: SearchQuery = { q };
      const warm = await search(deps, actor, input);
      found += warm.results.length;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await timed(() => search(deps, actor, input))).ms);
      searchTimes.push(...times);
      byLabel.set(label, [...(byLabel.get(label) ?? []), median(times)]);
      baselineTimes.push((await timed(() => naive(database, actor, like))).ms);
    }
    const medianMs = median(searchTimes);
    const baselineMs = median(baselineTimes);
    const speedup = baselineMs / medianMs;
    const failures = [
      ...(medianMs < TARGET_MS ? [] : [`${NAME}: median ${round(medianMs, 1)} ms; needs < ${TARGET_MS} ms`]),
      ...(speedup >= TARGET_SPEEDUP
        ? []
        : [`${NAME}: ${round(speedup, 1)}× the ILIKE scan; needs ≥ ${TARGET_SPEEDUP}×`]),
      ...(found > 0 ? [] : [`${NAME}: no query found anything`]),
    ];
    return {
      results: [
        {
          name: NAME,
          workload: `${ROWS_PER_KIND} documents + ${ROWS_PER_KIND} updates (~1 KB of Zipf prose over ${VOCABULARY} words each) on PostgreSQL, one organisation, a member who may read them all; ${set.length} queries (8 rare words, 4 medium, 4 two-word, 4 phrases) × ${RUNS} runs through search() — the GET /search statement with ranking, paging and snippets`,
          median_ms: round(medianMs),
          baseline: `ILIKE '%word%' over title and body of the same rows for the same words, same visibility, newest 21; one run per query`,
          baseline_median_ms: round(baselineMs),
          speedup: round(speedup, 1),
        },
      ],
      notes: [
        `${NAME}: generated in ${round((loading.ms - loading.value) / 1000, 1)} s and indexed in ${round(loading.value / 1000, 1)} s; median ms per kind of query: ${[
          ...byLabel,
        ]
          .map(([label, ms]) => `${label} ${round(median(ms), 1)}`)
          .join(", ")}; slowest query ${round(Math.max(...searchTimes), 1)} ms`,
      ],
      failures,
    };
  });
}

if (process.argv[1]?.endsWith("search.bench.ts"))
  console.log(JSON.stringify(await runSearchBench(), null, 2));
