import { beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam, buildUpdate } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { SearchAnswer, SearchResult } from "../../../contracts/search";
import { documentAudience, documents } from "../documents/documents.table";

let env: TestEnv;
let org: TestOrg;

beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

/** A document row written directly (search reads the table; the documents module's routes are not needed). */
async function insertDocument(
  owner: TestPerson,
  given: {
    title?: string;
    body?: string;
    organisation?: boolean;
    teamId?: string;
    people?: TestPerson[];
    updatedAt?: Date;
  },
) {
  const [doc] = await env.deps.db
    .insert(documents)
    .values({
      organisationId: owner.person.organisationId,
      ownerId: owner.person.id,
      updatedBy: owner.person.id,
      title: given.title ?? "A document",
      body: given.body ?? "",
      audienceOrganisation: given.organisation ?? (!given.teamId && !given.people),
      audienceTeamId: given.teamId ?? null,
      ...(given.updatedAt ? { updatedAt: given.updatedAt, createdAt: given.updatedAt } : {}),
    })
    .returning();
  if (!doc) throw new Error("no document");
  if (given.people?.length)
    await env.deps.db.insert(documentAudience).values(
      given.people.map((p) => ({
        documentId: doc.id,
        organisationId: doc.organisationId,
        personId: p.person.id,
      })),
    );
  return doc;
}

const query = (params: Record<string, string | number>) =>
  `/api/v1/search?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

async function find(who: TestPerson, q: string, extra: Record<string, string | number> = {}) {
  const res = await call(env, "GET", query({ q, ...extra }), { as: who.caller });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchAnswer;
}

const ids = (answer: SearchAnswer) => answer.results.map((r) => r.id);

/** 400 naming `field` (its path in `details.fields`, its words in the message), with `message` if given. */
async function badRequest(params: Record<string, string>, field: string, words: RegExp, message?: RegExp) {
  const res = await call(env, "GET", query(params), { as: org.member.caller });
  expect(res.statusCode, res.body).toBe(400);
  const error = res.json().error;
  expect(new Set(error.details.fields.map((f: { path: string }) => f.path))).toEqual(new Set([field]));
  expect(error.message).toMatch(words);
  if (message) expect(error.message).toMatch(message);
}

describe("GET /search: words", () => {
  it("stems: 'designs' finds a text about designing, with the word marked", async () => {
    const doc = await insertDocument(org.member, {
      title: "Widget notes",
      body: "We are designing the gizmo.",
    });
    const answer = await find(org.manager, "designs");
    const hit = answer.results.find((r) => r.id === doc.id);
    expect(hit).toMatchObject({ type: "document", title: "Widget notes", path: `/docs/${doc.id}` });
    expect(hit?.snippet).toContain("<mark>designing</mark>");
    expect(hit?.authorName).toBe(org.member.person.name);
    expect(Date.parse(hit?.at ?? "")).not.toBeNaN();
  });

  it("reads quotes as a phrase, - as exclusion and or as either", async () => {
    const a = await insertDocument(org.member, { title: "One", body: "quokka lantern ferry" });
    const b = await insertDocument(org.member, { title: "Two", body: "lantern then quokka" });
    const c = await insertDocument(org.member, { title: "Three", body: "quokka marble" });
    expect(ids(await find(org.member, '"quokka lantern"'))).toEqual([a.id]);
    expect(ids(await find(org.member, "quokka -lantern"))).toEqual([c.id]);
    expect(ids(await find(org.member, "quokka"))).toHaveLength(3);
    expect(new Set(ids(await find(org.member, "ferry or marble")))).toEqual(new Set([a.id, c.id]));
    expect(new Set(ids(await find(org.member, "lantern quokka")))).toEqual(new Set([a.id, b.id]));
  });

  it("finds a title by the start of its words, but not a body", async () => {
    const titled = await insertDocument(org.member, { title: "Zorblaxian roadmap", body: "Plans." });
    await insertDocument(org.member, { title: "Other", body: "zorblaxian in the body only" });
    const answer = await find(org.member, "zorbl");
    expect(ids(answer)).toEqual([titled.id]);
    expect(answer.results[0]?.snippet).not.toContain("<mark>");
    expect(ids(await find(org.member, "zorblax roadm"))).toEqual([titled.id]);
    // The prefix match honours exclusions too.
    expect(ids(await find(org.member, "zorbl -roadmap"))).toEqual([]);
  });

  it("ranks a title match above a body match", async () => {
    const inBody = await insertDocument(org.member, { title: "Sightings", body: "A pelican was seen." });
    const inTitle = await insertDocument(org.member, { title: "Pelican report", body: "Nothing else." });
    const answer = await find(org.member, "pelican");
    expect(ids(answer)).toEqual([inTitle.id, inBody.id]);
    expect(answer.results[0]?.rank).toBeGreaterThan(answer.results[1]?.rank ?? 0);
  });

  it("answers nothing for stop words only, and 400 for a query with no word to find", async () => {
    expect((await find(org.member, "the")).results).toEqual([]);
    expect((await find(org.member, "the -pelican")).results).toEqual([]);
    await badRequest({ q: "!!! ???" }, "q", /^Search text: type a word to search for$/);
    await badRequest(
      { q: "-pelican" },
      "q",
      /^Search text: type a word to find, not only words to leave out$/,
    );
  });

  it("escapes the text of a snippet: only the marks are HTML", async () => {
    const doc = await insertDocument(org.member, {
      title: "Fruit",
      body: 'The <script>alert(1)</script> kumquat <img src=x onerror=alert(1)> & "more" \uE000here\uE001 too',
    });
    const hit = (await find(org.member, "kumquat")).results.find((r) => r.id === doc.id);
    expect(hit?.snippet).toContain("<mark>kumquat</mark>");
    // The text parser drops what it reads as tags (<script>); whatever else is left is escaped.
    expect(hit?.snippet).toContain("&quot;more&quot;");
    expect(hit?.snippet).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(hit?.snippet).toContain("&amp;");
    expect(hit?.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(hit?.snippet.match(/<mark>/g)).toHaveLength(1);
  });
});

describe("GET /search: filters and pages", () => {
  it("filters by type, team, author and date", async () => {
    const { team } = await buildTeam(env, { org, members: [org.member, org.manager] });
    const teamDoc = await insertDocument(org.manager, {
      body: "heliotrope for the team",
      teamId: team.id,
      updatedAt: new Date("2024-03-01T10:00:00Z"),
    });
    const orgDoc = await insertDocument(org.member, {
      body: "heliotrope for all",
      updatedAt: new Date("2024-06-01T10:00:00Z"),
    });
    const { update } = await buildUpdate(env, { org, title: "Heliotrope status", body: "Fine." });
    const meeting = (await buildMeeting(env, { org, title: "Heliotrope review", teamId: team.id })).meeting;

    const all = await find(org.member, "heliotrope");
    expect(new Set(ids(all))).toEqual(new Set([teamDoc.id, orgDoc.id, update.id, meeting.id]));
    expect(ids(await find(org.member, "heliotrope", { type: "update" }))).toEqual([update.id]);
    expect(ids(await find(org.member, "heliotrope", { type: "meeting" }))).toEqual([meeting.id]);
    expect(new Set(ids(await find(org.member, "heliotrope", { teamId: team.id })))).toEqual(
      new Set([teamDoc.id, meeting.id]),
    );
    expect(ids(await find(org.member, "heliotrope", { authorId: org.manager.person.id }))).toEqual([
      teamDoc.id,
    ]);
    expect(
      ids(
        await find(org.member, "heliotrope", {
          type: "document",
          from: "2024-02-01T00:00:00Z",
          to: "2024-04-01T00:00:00Z",
        }),
      ),
    ).toEqual([teamDoc.id]);
    await badRequest(
      { q: "heliotrope", from: "2024-04-01T00:00:00Z", to: "2024-02-01T00:00:00Z" },
      "to",
      /^To must not be before from$/,
    );
  });

  it("pages with a cursor, each result once", async () => {
    const at = new Date("2024-01-01T00:00:00Z");
    const made = new Set<string>();
    for (let i = 0; i < 23; i++) {
      const body = i % 3 === 0 ? "gossamer gossamer thread" : "a gossamer thread";
      made.add((await insertDocument(org.member, { title: `Page ${i}`, body, updatedAt: at })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: SearchAnswer = await find(org.member, "gossamer", {
        limit: 10,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...ids(answer));
      const ranks = answer.results.map((r: SearchResult) => r.rank);
      expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
      cursor = answer.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(made);
  });
});

/** Everyone who must find nothing of a private thing, by role: owner, admin, HR, a manager, a member. */
const outsiders = () => [org.owner, org.admin, org.hr, org.manager, org.member];

async function foundBy(people: TestPerson[], q: string): Promise<string[][]> {
  return Promise.all(people.map(async (p) => ids(await find(p, q))));
}

describe("GET /search: visibility, for every private kind", () => {
  for (const kind of ["one_to_one", "performance_review"] as const) {
    it(`a ${kind}'s title, agenda, shared notes and decisions reach its attendees only; a private note nobody`, async () => {
      const lead = await org.add("manager");
      const report = await org.add("member");
      const w = kind === "one_to_one" ? "onetoone" : "review";
      const meeting = (
        await buildMeeting(env, {
          org,
          kind,
          organiser: lead,
          attendees: [report],
          title: `Wombat${w} catch-up`,
          agenda: [{ title: `Walrus${w} goals`, outcome: "discuss" }],
        })
      ).meeting;
      const notes = await call(env, "PUT", `/api/v1/meetings/${meeting.id}/notes`, {
        as: lead.caller,
        body: { body: `Shared: warthog${w} progress`, baseVersion: 0 },
      });
      expect(notes.statusCode, notes.body).toBe(200);
      const note = await call(env, "PUT", `/api/v1/meetings/${meeting.id}/private-notes`, {
        as: report.caller,
        body: { body: `Private: xylophone${w} worries` },
      });
      expect(note.statusCode, note.body).toBe(200);
      const decided = await call(env, "POST", `/api/v1/meetings/${meeting.id}/decisions`, {
        as: lead.caller,
        body: { text: `Narwhal${w} plan agreed` },
      });
      expect(decided.statusCode, decided.body).toBe(201);
      const decisionId = decided.json().decision.id as string;

      for (const word of [`wombat${w}`, `walrus${w}`, `warthog${w}`]) {
        expect(await foundBy([lead, report], word)).toEqual([[meeting.id], [meeting.id]]);
        expect(await foundBy(outsiders(), word)).toEqual([[], [], [], [], []]);
      }
      const decision = (await find(report, `narwhal${w}`)).results;
      expect(decision).toMatchObject([
        {
          type: "decision",
          id: decisionId,
          source: { type: "meeting", id: meeting.id },
          path: `/meetings/${meeting.id}`,
        },
      ]);
      expect(await foundBy(outsiders(), `narwhal${w}`)).toEqual([[], [], [], [], []]);
      // Private notes are not searched at all: not even their author finds them.
      expect(await foundBy([report, lead, ...outsiders()], `xylophone${w}`)).toEqual([
        [],
        [],
        [],
        [],
        [],
        [],
        [],
      ]);
    });
  }

  it("an update to named people (body, comment, decision) reaches them only", async () => {
    const author = await org.add("member");
    const named = await org.add("member");
    const { update } = await buildUpdate(env, {
      org,
      author,
      kind: "proposal",
      title: "Private proposal",
      body: "ocelot budget",
      audience: { personIds: [named.person.id] },
    });
    const comment = await call(env, "POST", `/api/v1/updates/${update.id}/comments`, {
      as: named.caller,
      body: { body: "ibex concerns" },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const decided = await call(env, "POST", `/api/v1/updates/${update.id}/decision`, {
      as: author.caller,
      body: { text: "Yakkish outcome" },
    });
    expect(decided.statusCode, decided.body).toBe(201);

    for (const word of ["ocelot", "ibex"]) {
      expect(await foundBy([author, named], word)).toEqual([[update.id], [update.id]]);
      expect(await foundBy(outsiders(), word)).toEqual([[], [], [], [], []]);
    }
    const ibex = (await find(named, "ibex")).results[0];
    expect(ibex).toMatchObject({ type: "update", title: "Private proposal", path: `/updates/${update.id}` });
    expect(ibex?.snippet).toContain("<mark>ibex</mark>");
    const decision = (await find(author, "yakkish")).results;
    expect(decision).toMatchObject([{ type: "decision", source: { type: "update", id: update.id } }]);
    expect(await foundBy(outsiders(), "yakkish")).toEqual([[], [], [], [], []]);
  });

  it("a document shared with named people reaches its owner and them only", async () => {
    const owner = await org.add("member");
    const named = await org.add("member");
    const doc = await insertDocument(owner, {
      title: "Salary bands",
      body: "capybara figures",
      people: [named],
    });
    expect(await foundBy([owner, named], "capybara")).toEqual([[doc.id], [doc.id]]);
    expect(await foundBy(outsiders(), "capybara")).toEqual([[], [], [], [], []]);
  });

  it("never shows another organisation's content", async () => {
    const other = await makeOrg(env);
    await insertDocument(other.owner, { title: "Theirs", body: "chinchilla everywhere", organisation: true });
    await buildUpdate(env, { org: other, title: "Chinchilla news", body: "Chinchilla." });
    expect((await find(org.owner, "chinchilla")).results).toEqual([]);
    expect((await find(other.member, "chinchilla")).results).toHaveLength(2);
  });
});

describe("GET /search: bad input", () => {
  it("answers 400 naming the field", async () => {
    await badRequest({ q: "" }, "q", /^Search text/, /type something to search for/);
    await badRequest({ q: "   " }, "q", /^Search text/);
    await badRequest({ q: "x".repeat(201) }, "q", /^Search text/, /at most 200 characters/);
    await badRequest({ q: "plan", type: "memo" }, "type", /^Type/, /document, update, meeting or decision/);
    await badRequest({ q: "plan", teamId: "not-an-id" }, "teamId", /^Team/);
    const unknownTeam = { q: "plan", teamId: "00000000-0000-4000-8000-000000000000" };
    await badRequest(unknownTeam, "teamId", /^Team: no such team in your organisation$/);
    const foreignTeam = (await buildTeam(env, { org: await makeOrg(env) })).team;
    await badRequest({ q: "plan", teamId: foreignTeam.id }, "teamId", /^Team: no such team/);
    await badRequest({ q: "plan", authorId: "someone" }, "authorId", /^Author/);
    await badRequest({ q: "plan", from: "yesterday" }, "from", /^From/);
    await badRequest(
      { q: "plan", cursor: "bm90IGEgY3Vyc29y" },
      "cursor",
      /^Cursor is not one this search gave$/,
    );
    await badRequest({ q: "plan", limit: "0" }, "limit", /^Limit/);
    await badRequest({ q: "plan", limit: "many" }, "limit", /^Limit/);
    const res = await call(env, "GET", query({ q: "plan" }), {});
    expect(res.statusCode).toBe(401);
  });
});
