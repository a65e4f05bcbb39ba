import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import { auditLog } from "../audit/audit.table";
import { documents, documentVersions } from "./documents.table";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const url = (id: string, rest = "") => `/api/v1/documents/${id}${rest}`;
const get = (as: TestPerson, path: string) => call(env, "GET", path, { as: as.caller });
const create = (as: TestPerson, body: Record<string, unknown>) =>
  call(env, "POST", "/api/v1/documents", { as: as.caller, body });
const save = (as: TestPerson, id: string, body: Record<string, unknown>) =>
  call(env, "PUT", url(id), { as: as.caller, body });

/** Whether a 400 names `field`: in `details.fields` (for forms) or, for an unknown field, its message. */
function names(
  res: { json(): { error: { message: string; details?: { fields?: { path: string }[] } } } },
  field: string,
) {
  const { message, details } = res.json().error;
  return (details?.fields ?? []).some((f) => f.path === field) || message.includes(field);
}

/** A document the member writes for the organisation, then the manager saves as version 2. */
async function twoVersions(o: TestOrg) {
  const { document } = await buildDocument(env, {
    org: o,
    title: "Release plan",
    body: "We ship on Monday after the review.",
  });
  const res = await save(o.manager, document.id, {
    baseVersion: 1,
    body: "We ship on Tuesday after the final review.",
    summary: "Moved a day",
  });
  expect(res.statusCode).toBe(200);
  return document.id;
}

describe("POST /api/v1/documents", () => {
  it("creates version 1 for its audience, audited, rendered and sanitised", async () => {
    const o = await makeOrg(env);
    const res = await create(o.member, {
      title: "Onboarding",
      body: "Read **this** first. <script>alert(1)</script>",
      audience: { organisation: true },
      tags: ["People", "people", "how-to"],
    });
    expect(res.statusCode).toBe(201);
    const doc = res.json().document;
    expect(doc).toMatchObject({
      title: "Onboarding",
      version: 1,
      tags: ["people", "how-to"],
      owner: { personId: o.member.person.id },
      updatedBy: { personId: o.member.person.id },
      audience: { organisation: true, teamId: null, people: [] },
      usedIn: [],
      draft: null,
      can: { edit: true, delete: true, share: true },
    });
    expect(doc.html).toContain("<strong>this</strong>");
    expect(doc.html).not.toContain("<script>");
    const versions = await env.deps.db
      .select()
      .from(documentVersions)
      .where(eq(documentVersions.documentId, doc.id));
    expect(versions).toEqual([
      expect.objectContaining({ version: 1, title: "Onboarding", authorId: o.member.person.id }),
    ]);
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, o.organisation.id), eq(auditLog.targetId, doc.id)));
    expect(audit.map((a) => a.action)).toEqual(["document.created"]);
  });

  it("answers 400 naming the field for bad input, and writes nothing", async () => {
    const o = await makeOrg(env);
    const other = await makeOrg(env);
    const valid = { title: "T", body: "B", audience: { organisation: true } };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, body: "x".repeat(200_001) }, "body"],
      [{ ...valid, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "tags"],
      [{ ...valid, tags: ["<b>"] }, "tags[0]"],
      [{ ...valid, title: "" }, "title"],
      [{ ...valid, surprise: 1 }, "surprise"],
      [{ ...valid, audience: {} }, "audience"],
      [{ ...valid, audience: { teamId: other.organisation.id } }, "audience.teamId"],
      [{ ...valid, audience: { personIds: [other.member.person.id] } }, "audience.personIds"],
    ];
    for (const [body, field] of cases) {
      const res = await create(o.member, body);
      expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
      expect({ field, named: names(res, field) }).toEqual({ field, named: true });
    }
    const rows = await env.deps.db
      .select()
      .from(documents)
      .where(eq(documents.organisationId, o.organisation.id));
    expect(rows).toEqual([]);
  });
});

describe("GET /api/v1/documents and /documents/tags", () => {
  it("lists what the viewer may read, recently edited first, by tag, team and title words", async () => {
    const o = await makeOrg(env);
    const { team } = await buildTeam(env, { org: o, name: "Platform", members: [o.manager] });
    const a = await buildDocument(env, { org: o, title: "Roadmap 2030", tags: ["plans"] });
    const b = await buildDocument(env, {
      org: o,
      title: "Team rituals",
      tags: ["plans", "team"],
      audience: { teamId: team.id },
      owner: o.manager,
    });
    const c = await buildDocument(env, { org: o, title: "Secret road trip", readers: [o.hr], tags: ["fun"] });
    await save(o.member, a.document.id, { baseVersion: 1, body: "Newer" });

    const ids = async (as: TestPerson, query = "") =>
      (await get(as, `/api/v1/documents${query}`)).json().documents.map((d: { id: string }) => d.id);
    expect(await ids(o.manager)).toEqual([a.document.id, b.document.id]);
    expect(await ids(o.member)).toEqual([a.document.id, c.document.id]);
    expect(await ids(o.hr)).toEqual([a.document.id, c.document.id]);
    expect(await ids(o.admin)).toEqual([a.document.id]);
    expect(await ids(o.manager, "?tag=plans")).toEqual([a.document.id, b.document.id]);
    expect(await ids(o.manager, "?tag=team")).toEqual([b.document.id]);
    expect(await ids(o.manager, `?teamId=${team.id}`)).toEqual([b.document.id]);
    expect(await ids(o.hr, "?q=road")).toEqual([a.document.id, c.document.id]);
    expect(await ids(o.hr, "?q=ROADM")).toEqual([a.document.id]);
    expect(await ids(o.hr, "?q=sec%20tri")).toEqual([c.document.id]);
    expect(await ids(o.hr, "?q=trip%20road")).toEqual([c.document.id]);
    expect(await ids(o.hr, "?q=newer")).toEqual([]); // titles only
    expect(await ids(o.hr, "?q=%27%3A*%20%26")).toHaveLength(2); // punctuation only: no filter
    expect(await ids(o.manager, "?limit=1")).toEqual([a.document.id]);

    const summary = (await get(o.manager, "/api/v1/documents?tag=team")).json().documents[0];
    expect(summary).toMatchObject({
      title: "Team rituals",
      audience: { teamId: team.id, teamName: "Platform", organisation: false },
      owner: { personId: o.manager.person.id },
    });
    expect(summary.body).toBeUndefined();

    const tags = await get(o.manager, "/api/v1/documents/tags");
    expect(tags.json().tags).toEqual([
      { tag: "plans", count: 2 },
      { tag: "team", count: 1 },
    ]);
    expect((await get(o.hr, "/api/v1/documents/tags")).json().tags).toEqual([
      { tag: "fun", count: 1 },
      { tag: "plans", count: 1 },
    ]);
  });

  it("answers 400 naming a bad filter", async () => {
    const o = await makeOrg(env);
    for (const [query, field] of [
      ["?teamId=nope", "teamId"],
      ["?limit=0", "limit"],
      ["?tag=%3Cb%3E", "tag"],
      ["?surprise=1", "surprise"],
    ] as const) {
      const res = await get(o.member, `/api/v1/documents${query}`);
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      expect({ field, named: names(res, field) }).toEqual({ field, named: true });
    }
  });
});

describe("PUT /api/v1/documents/:id", () => {
  it("saves version n+1 with its author and summary, and keeps every version", async () => {
    const o = await makeOrg(env);
    const id = await twoVersions(o);
    const doc = (await get(o.member, url(id))).json().document;
    expect(doc).toMatchObject({
      version: 2,
      body: "We ship on Tuesday after the final review.",
      updatedBy: { personId: o.manager.person.id },
      owner: { personId: o.member.person.id },
    });
    const versions = (await get(o.member, url(id, "/versions"))).json().versions;
    expect(versions).toEqual([
      expect.objectContaining({
        version: 2,
        summary: "Moved a day",
        author: expect.objectContaining({ personId: o.manager.person.id }),
      }),
      expect.objectContaining({
        version: 1,
        summary: null,
        author: expect.objectContaining({ personId: o.member.person.id }),
      }),
    ]);
    expect(versions[0].body).toBeUndefined();
    const first = (await get(o.member, url(id, "/versions/1"))).json().version;
    expect(first).toMatchObject({
      version: 1,
      title: "Release plan",
      body: "We ship on Monday after the review.",
    });
    expect(first.html).toContain("<p>We ship on Monday");
    expect((await get(o.member, url(id, "/versions/3"))).json().error.message).toBe(
      "Version 3 of this document not found",
    );
  });

  it("answers 409 with the current version when the save is based on an old one, changing nothing", async () => {
    const o = await makeOrg(env);
    const id = await twoVersions(o);
    const res = await save(o.hr, id, { baseVersion: 1, body: "My edit of version 1" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "conflict",
      message:
        "Someone saved a newer version (version 2) while you were editing; merge your changes with it and save again",
      details: {
        current: {
          version: 2,
          title: "Release plan",
          body: "We ship on Tuesday after the final review.",
          updatedBy: { personId: o.manager.person.id, name: o.manager.person.name },
        },
      },
    });
    expect((await get(o.member, url(id))).json().document.version).toBe(2);
  });

  it("lets exactly one of two saves on the same version win; the other gets 409", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o, body: "Start" });
    const results = await Promise.all([
      save(o.member, document.id, { baseVersion: 1, body: "Member's text" }),
      save(o.manager, document.id, { baseVersion: 1, body: "Manager's text" }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    const winner = results.find((r) => r.statusCode === 200);
    expect(loser?.json().error.details.current.body).toBe(winner?.json().document.body);
    const versions = await env.deps.db
      .select()
      .from(documentVersions)
      .where(eq(documentVersions.documentId, document.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it("answers a save that changes nothing with the document as it is (no version)", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o, title: "Same", body: "Same body" });
    const res = await save(o.manager, document.id, { baseVersion: 1, title: "Same", body: "Same body" });
    expect(res.statusCode).toBe(200);
    expect(res.json().document).toMatchObject({ version: 1, updatedBy: { personId: o.member.person.id } });
    const tagged = await save(o.manager, document.id, { baseVersion: 1, body: "Same body", tags: ["new"] });
    expect(tagged.json().document).toMatchObject({ version: 2, tags: ["new"], title: "Same" });
  });

  it("answers 400 naming the field for bad input", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o });
    for (const [body, field] of [
      [{ body: "x", baseVersion: 0 }, "baseVersion"],
      [{ body: "x" }, "baseVersion"],
      [{ body: "x".repeat(200_001), baseVersion: 1 }, "body"],
      [{ body: "x", baseVersion: 1, tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "tags"],
      [{ body: "x", baseVersion: 1, summary: "s".repeat(301) }, "summary"],
      [{ body: "x", baseVersion: 1, surprise: true }, "surprise"],
    ] as const) {
      const res = await save(o.member, document.id, body);
      expect({ field, status: res.statusCode }).toEqual({ field, status: 400 });
      expect({ field, named: names(res, field) }).toEqual({ field, named: true });
    }
    expect((await get(o.member, url(document.id))).json().document.version).toBe(1);
  });
});

describe("GET /api/v1/documents/:id/diff", () => {
  it("answers the word-level diff of two versions, the title's change first", async () => {
    const o = await makeOrg(env);
    const id = await twoVersions(o);
    const res = await get(o.member, url(id, "/diff?from=1&to=2"));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: 1,
      to: 2,
      diff: [
        { op: "equal", text: "We ship on " },
        { op: "delete", text: "Monday" },
        { op: "insert", text: "Tuesday" },
        { op: "equal", text: " after the " },
        { op: "insert", text: "final " },
        { op: "equal", text: "review." },
      ],
    });
    await save(o.member, id, {
      baseVersion: 2,
      title: "Launch plan",
      body: "We ship on Tuesday after the final review.",
    });
    expect((await get(o.member, url(id, "/diff?from=2&to=3"))).json().diff).toEqual([
      { op: "delete", text: "Release" },
      { op: "insert", text: "Launch" },
      { op: "equal", text: " plan\n\nWe ship on Tuesday after the final review." },
    ]);
    expect((await get(o.member, url(id, "/diff?from=2&to=2"))).json().diff).toEqual([
      { op: "equal", text: "We ship on Tuesday after the final review." },
    ]);
  });

  it("answers 404 naming a missing version, 400 for a bad one, and writes nothing", async () => {
    const o = await makeOrg(env);
    const id = await twoVersions(o);
    const { result, writes } = await writesDuring(() => get(o.member, url(id, "/diff?from=1&to=7")));
    expect(writes).toEqual([]);
    expect(result.statusCode).toBe(404);
    expect(result.json().error.message).toBe("Version 7 of this document not found");
    for (const query of ["?from=0&to=1", "?from=1", "?from=a&to=1", "?from=1&to=2&x=1"]) {
      const res = await get(o.member, url(id, `/diff${query}`));
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
    }
  });
});
