import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { meetingDocuments, meetings } from "../meetings/meetings.table";
import { updates } from "../updates/updates.table";
import { documentAudience, documents, documentVersions } from "./documents.table";

/**
 * Documents linked from updates and meetings, and `[[Title]]`/pasted links resolved in markdown:
 * each viewer sees a document's title only when they may read it.
 */

/** Tuesday 8 December 2026 (London is on UTC): 10:00–10:30 is inside everyone's 09–17. */
const TUESDAY_10 = "2026-12-08T10:00:00.000Z";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

/**
 * A document written straight into its tables (not through the documents API, so these tests only
 * depend on the tables): the organisation's unless `readers` are named, then the owner's and theirs.
 */
async function insertDocument(
  o: TestOrg,
  given: { title: string; owner?: TestPerson; readers?: TestPerson[]; updatedAt?: Date },
) {
  const owner = given.owner ?? o.member;
  const organisationId = o.organisation.id;
  const [document] = await env.deps.db
    .insert(documents)
    .values({
      organisationId,
      ownerId: owner.person.id,
      title: given.title,
      body: "Read me first.",
      audienceOrganisation: !given.readers,
      updatedBy: owner.person.id,
      ...(given.updatedAt ? { updatedAt: given.updatedAt } : {}),
    })
    .returning();
  if (!document) throw new Error("no document");
  await env.deps.db.insert(documentVersions).values({
    documentId: document.id,
    organisationId,
    version: 1,
    title: given.title,
    body: "Read me first.",
    authorId: owner.person.id,
  });
  if (given.readers?.length)
    await env.deps.db
      .insert(documentAudience)
      .values(given.readers.map((r) => ({ documentId: document.id, organisationId, personId: r.person.id })));
  return document;
}

const rename = (id: string, title: string) =>
  env.deps.db.update(documents).set({ title, updatedAt: new Date() }).where(eq(documents.id, id));

const postUpdate = (as: TestPerson, extra: Record<string, unknown>) =>
  call(env, "POST", "/api/v1/updates", {
    as: as.caller,
    body: { kind: "status", title: "Weekly", body: "Shipped.", audience: { organisation: true }, ...extra },
  });
const readUpdate = async (as: TestPerson, id: string) => {
  const res = await call(env, "GET", `/api/v1/updates/${id}`, { as: as.caller });
  expect(res.statusCode).toBe(200);
  return res.json().update;
};
const docLink = (id: string) => ({ type: "document", id });

describe("an update's document links", () => {
  it("attaches a document the author may read, with its current title for readers who may read it", async () => {
    const o = await makeOrg(env);
    const open = await insertDocument(o, { title: "Handbook" });
    const secret = await insertDocument(o, { title: "Reorg plan", readers: [o.manager] });
    const res = await postUpdate(o.member, { links: [docLink(secret.id), docLink(open.id)] });
    expect(res.statusCode).toBe(201);
    const { id } = res.json().update;
    expect((await readUpdate(o.manager, id)).links).toEqual([
      { type: "document", id: secret.id, title: "Reorg plan" },
      { type: "document", id: open.id, title: "Handbook" },
    ]);
    // HR is addressed but may not read the plan: the link is not there at all, nor its title.
    const forHr = await readUpdate(o.hr, id);
    expect(forHr.links).toEqual([{ type: "document", id: open.id, title: "Handbook" }]);
    expect(JSON.stringify(forHr)).not.toContain("Reorg plan");

    await rename(open.id, "Handbook 2027");
    expect((await readUpdate(o.hr, id)).links[0].title).toBe("Handbook 2027");
  });

  it("refuses a document the author may not read, naming the link, and writes nothing", async () => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    const secret = await insertDocument(o, { title: "Reorg plan", readers: [o.manager] });
    const elsewhere = await insertDocument(other, { title: "Theirs" });
    const open = await insertDocument(o, { title: "Handbook" });
    for (const [links, message] of [
      [[docLink(secret.id)], "First link: no such document that you can see"],
      [[docLink(open.id), docLink(elsewhere.id)], "Second link: no such document that you can see"],
    ] as const) {
      const res = await postUpdate(o.hr, { links });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
    expect(
      await env.deps.db.select().from(updates).where(eq(updates.organisationId, o.organisation.id)),
    ).toEqual([]);
  });

  it("changes links on an edit, refusing one the author may not read", async () => {
    const o = await makeOrg(env);
    const open = await insertDocument(o, { title: "Handbook" });
    const secret = await insertDocument(o, { title: "Reorg plan", owner: o.manager, readers: [] });
    const { id } = (await postUpdate(o.member, {})).json().update;
    const patch = (links: unknown) =>
      call(env, "PATCH", `/api/v1/updates/${id}`, { as: o.member.caller, body: { links } });
    const refused = await patch([docLink(secret.id)]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("First link: no such document that you can see");
    expect((await patch([docLink(open.id)])).statusCode).toBe(200);
    expect((await readUpdate(o.manager, id)).links).toEqual([
      { type: "document", id: open.id, title: "Handbook" },
    ]);
  });
});

const createMeeting = (o: TestOrg, extra: Record<string, unknown>, as: TestPerson = o.member) =>
  call(env, "POST", "/api/v1/meetings", {
    as: as.caller,
    body: {
      title: "Pricing decision",
      kind: "decision",
      start: TUESDAY_10,
      durationMinutes: 30,
      attendees: [{ personId: o.manager.person.id }, { personId: o.hr.person.id }],
      ...extra,
    },
  });
const readMeeting = async (as: TestPerson, id: string) => {
  const res = await call(env, "GET", `/api/v1/meetings/${id}`, { as: as.caller });
  expect(res.statusCode).toBe(200);
  return res.json().meeting;
};
const preReadRows = (meetingId: string) =>
  env.deps.db
    .select({ documentId: meetingDocuments.documentId, position: meetingDocuments.position })
    .from(meetingDocuments)
    .where(eq(meetingDocuments.meetingId, meetingId))
    .orderBy(meetingDocuments.position);

describe("a meeting's pre-read documents", () => {
  it("keeps them in order and shows each attendee only those they may read", async () => {
    const o = await makeOrg(env);
    const open = await insertDocument(o, { title: "Handbook" });
    const secret = await insertDocument(o, { title: "Price list", readers: [o.manager] });
    const res = await createMeeting(o, { preReadDocumentIds: [secret.id, open.id] });
    expect(res.statusCode).toBe(201);
    const { meeting } = res.json();
    expect(meeting.preReadDocuments).toEqual([
      { id: secret.id, title: "Price list" },
      { id: open.id, title: "Handbook" },
    ]);
    expect((await readMeeting(o.manager, meeting.id)).preReadDocuments).toHaveLength(2);
    const forHr = await readMeeting(o.hr, meeting.id);
    expect(forHr.preReadDocuments).toEqual([{ id: open.id, title: "Handbook" }]);
    expect(JSON.stringify(forHr)).not.toContain("Price list");
    await rename(secret.id, "Price list 2027");
    expect((await readMeeting(o.manager, meeting.id)).preReadDocuments[0].title).toBe("Price list 2027");
  });

  it("writes them for every occurrence of a series, and a change to one occurrence is that one's", async () => {
    const o = await makeOrg(env);
    const a = await insertDocument(o, { title: "Agenda notes" });
    const b = await insertDocument(o, { title: "Numbers" });
    const res = await createMeeting(o, {
      recurrence: { frequency: "weekly", count: 3 },
      preReadDocumentIds: [a.id, b.id],
    });
    expect(res.statusCode).toBe(201);
    const series = await env.deps.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.organisationId, o.organisation.id))
      .orderBy(meetings.startAt);
    expect(series).toHaveLength(3);
    for (const m of series)
      expect(await preReadRows(m.id)).toEqual([
        { documentId: a.id, position: 0 },
        { documentId: b.id, position: 1 },
      ]);
    const [first, second, third] = series.map((m) => m.id) as [string, string, string];
    const patch = await call(env, "PATCH", `/api/v1/meetings/${second}`, {
      as: o.member.caller,
      body: { preReadDocumentIds: [b.id] },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().meeting.preReadDocuments).toEqual([{ id: b.id, title: "Numbers" }]);
    expect(await preReadRows(second)).toEqual([{ documentId: b.id, position: 0 }]);
    expect(await preReadRows(first)).toHaveLength(2);
    expect(await preReadRows(third)).toHaveLength(2);
    // A change of something else leaves them; an empty list clears them.
    await call(env, "PATCH", `/api/v1/meetings/${first}`, {
      as: o.member.caller,
      body: { title: "Renamed" },
    });
    expect(await preReadRows(first)).toHaveLength(2);
    await call(env, "PATCH", `/api/v1/meetings/${first}`, {
      as: o.member.caller,
      body: { preReadDocumentIds: [] },
    });
    expect((await readMeeting(o.manager, first)).preReadDocuments).toEqual([]);
  });

  it("refuses a document the organiser may not read or one named twice, writing nothing", async () => {
    const o = await makeOrg(env);
    const open = await insertDocument(o, { title: "Handbook" });
    const secret = await insertDocument(o, { title: "Price list", owner: o.manager, readers: [o.hr] });
    const unreadable = await createMeeting(o, { preReadDocumentIds: [open.id, secret.id] });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.message).toBe(
      "Second pre-read document: no such document that you can see",
    );
    const twice = await createMeeting(o, { preReadDocumentIds: [open.id, open.id] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      "preReadDocumentIds[1]",
    ]);
    expect(
      await env.deps.db.select().from(meetings).where(eq(meetings.organisationId, o.organisation.id)),
    ).toEqual([]);

    const { meeting } = (await createMeeting(o, { preReadDocumentIds: [open.id] })).json();
    const patch = await call(env, "PATCH", `/api/v1/meetings/${meeting.id}`, {
      as: o.member.caller,
      body: { preReadDocumentIds: [secret.id] },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details.fields[0].path).toBe("preReadDocumentIds[0]");
    expect(await preReadRows(meeting.id)).toEqual([{ documentId: open.id, position: 0 }]);
  });
});

describe("[[Title]] and pasted links in markdown", () => {
  it("resolves them in an update and its comments for a reader who may open them, text for one who may not", async () => {
    const o = await makeOrg(env);
    const plan = await insertDocument(o, { title: "Launch plan", readers: [o.manager] });
    const meeting = (await createMeeting(o, { attendees: [{ personId: o.manager.person.id }] })).json()
      .meeting;
    const body = [
      "Read [[launch PLAN ]] first, and [[No such doc]].",
      `Decided in ${env.deps.config.publicUrl}/meetings/${meeting.id} — see [/docs/${plan.id}](/docs/${plan.id}).`,
    ].join("\n\n");
    const { id } = (await postUpdate(o.member, { body })).json().update;
    const comment = await call(env, "POST", `/api/v1/updates/${id}/comments`, {
      as: o.manager.caller,
      body: { body: "Agreed with [[Launch plan]]." },
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().comment.html).toContain(`<a href="/docs/${plan.id}">Launch plan</a>`);

    const forManager = await readUpdate(o.manager, id);
    expect(forManager.html).toContain(`<a href="/docs/${plan.id}">Launch plan</a> first`);
    expect(forManager.html).toContain('<span class="reference-missing">[[No such doc]]</span>');
    expect(forManager.html).toContain(`<a href="/meetings/${meeting.id}">Pricing decision</a>`);
    expect(forManager.html).toContain(`see <a href="/docs/${plan.id}">Launch plan</a>`);
    expect(forManager.comments[0].html).toContain(`<a href="/docs/${plan.id}">Launch plan</a>`);

    // HR may read neither the plan nor the meeting: the text stays as written, no title.
    const forHr = await readUpdate(o.hr, id);
    expect(forHr.html).toContain('<span class="reference-missing">[[launch PLAN ]]</span>');
    expect(forHr.html).toContain(`>${env.deps.config.publicUrl}/meetings/${meeting.id}</a>`);
    expect(forHr.comments[0].html).toContain('<span class="reference-missing">[[Launch plan]]</span>');
    expect(JSON.stringify([forHr.html, forHr.comments])).not.toContain("Pricing decision");

    await rename(plan.id, "Launch plan v2");
    // The pasted link shows the new title; `[[launch PLAN]]` now names no document.
    const renamed = (await readUpdate(o.manager, id)).html;
    expect(renamed).toContain(`see <a href="/docs/${plan.id}">Launch plan v2</a>`);
    expect(renamed).toContain('<span class="reference-missing">[[launch PLAN ]]</span>');
  });

  it("takes, of several documents with the title, the one edited last that the reader may read", async () => {
    const o = await makeOrg(env);
    const old = await insertDocument(o, { title: "Roadmap", updatedAt: new Date("2026-01-01T00:00:00Z") });
    const newer = await insertDocument(o, { title: "Roadmap", updatedAt: new Date("2026-03-01T00:00:00Z") });
    const newest = await insertDocument(o, {
      title: "roadmap",
      readers: [o.manager],
      updatedAt: new Date("2026-06-01T00:00:00Z"),
    });
    const { id } = (await postUpdate(o.member, { body: "See [[Roadmap]]." })).json().update;
    expect((await readUpdate(o.manager, id)).html).toContain(`href="/docs/${newest.id}"`);
    expect((await readUpdate(o.hr, id)).html).toContain(`href="/docs/${newer.id}"`);
    expect((await readUpdate(o.hr, id)).html).not.toContain(old.id);
  });

  it("links an update by its address; another organisation's documents are never found", async () => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    await insertDocument(other, { title: "Their secret" });
    const first = (await postUpdate(o.member, { title: "Pricing thread" })).json().update;
    const body = `Follows ${env.deps.config.publicUrl}/updates/${first.id} and [[Their secret]].`;
    const { id } = (await postUpdate(o.member, { body })).json().update;
    const html = (await readUpdate(o.manager, id)).html;
    expect(html).toContain(`<a href="/updates/${first.id}">Pricing thread</a>`);
    expect(html).toContain('<span class="reference-missing">[[Their secret]]</span>');
  });

  it("resolves them in a meeting's shared notes and in the editors' preview", async () => {
    const o = await makeOrg(env);
    const plan = await insertDocument(o, { title: "Launch plan", readers: [o.manager] });
    const { meeting } = (await createMeeting(o, {})).json();
    const saved = await call(env, "PUT", `/api/v1/meetings/${meeting.id}/notes`, {
      as: o.member.caller,
      body: { body: "We read [[Launch plan]].", baseVersion: meeting.notes.version },
    });
    expect(saved.statusCode).toBe(200);
    expect((await readMeeting(o.manager, meeting.id)).notes.html).toContain(
      `<a href="/docs/${plan.id}">Launch plan</a>`,
    );
    expect((await readMeeting(o.hr, meeting.id)).notes.html).toContain("reference-missing");

    const preview = (as: TestPerson) =>
      call(env, "POST", "/api/v1/markdown/preview", { as: as.caller, body: { markdown: "[[Launch plan]]" } });
    expect((await preview(o.manager)).json().html).toContain(`<a href="/docs/${plan.id}">Launch plan</a>`);
    expect((await preview(o.hr)).json().html).toContain(
      '<span class="reference-missing">[[Launch plan]]</span>',
    );
  });
});
