import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument, buildMeeting, buildTeam, buildUpdate } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv, writesDuring } from "../../../../test/support/harness";
import { liveEvents } from "../../platform/events/live-events.table";
import { auditLog } from "../audit/audit.table";
import { meetingDocuments } from "../meetings/meetings.table";
import { updateLinks } from "../updates/updates.table";
import { documentDrafts, documents } from "./documents.table";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

const url = (id: string, rest = "") => `/api/v1/documents/${id}${rest}`;
const get = (as: TestPerson, path: string) => call(env, "GET", path, { as: as.caller });
const put = (as: TestPerson, path: string, body: Record<string, unknown>) =>
  call(env, "PUT", path, { as: as.caller, body });
const remove = (as: TestPerson, path: string) => call(env, "DELETE", path, { as: as.caller });

/** Status of every way to read or write one document, for one caller. */
async function statuses(as: TestPerson, id: string) {
  return {
    get: (await get(as, url(id))).statusCode,
    put: (await put(as, url(id), { baseVersion: 1, body: "Same" })).statusCode,
    versions: (await get(as, url(id, "/versions"))).statusCode,
    version: (await get(as, url(id, "/versions/1"))).statusCode,
    diff: (await get(as, url(id, "/diff?from=1&to=1"))).statusCode,
    draft: (await put(as, url(id, "/draft"), { title: "T", body: "B", baseVersion: 1 })).statusCode,
  };
}
const all = (status: number) => ({
  get: status,
  put: status,
  versions: status,
  version: status,
  diff: status,
  draft: status,
});

describe("who may read and edit a document", () => {
  it("a document shared with named people: nobody else, owner, admin and HR included", async () => {
    const o = await makeOrg(env);
    const outsider = await o.add("member");
    const { document } = await buildDocument(env, { org: o, body: "Same", readers: [o.manager] });
    for (const who of [o.owner, o.admin, o.hr, outsider])
      expect({ who: who.person.role, ...(await statuses(who, document.id)) }).toEqual({
        who: who.person.role,
        ...all(404),
      });
    expect(await statuses(o.manager, document.id)).toEqual(all(200));
    expect(await statuses(o.member, document.id)).toEqual(all(200));
    const foreign = await makeOrg(env);
    expect((await get(foreign.owner, url(document.id))).statusCode).toBe(404);
  });

  it("an organisation-wide document: everyone in it; a team document: its members and owner", async () => {
    const o = await makeOrg(env);
    const wide = await buildDocument(env, { org: o, body: "Same" });
    for (const who of [o.owner, o.admin, o.hr, o.manager, o.member])
      expect((await get(who, url(wide.document.id))).statusCode).toBe(200);
    const { team } = await buildTeam(env, { org: o, members: [o.hr] });
    const teamDoc = await buildDocument(env, { org: o, body: "Same", audience: { teamId: team.id } });
    expect(await statuses(o.hr, teamDoc.document.id)).toEqual(all(200));
    expect(await statuses(o.member, teamDoc.document.id)).toEqual(all(200));
    for (const who of [o.owner, o.admin, o.manager])
      expect((await get(who, url(teamDoc.document.id))).statusCode).toBe(404);
  });

  it("only the owner changes who it is for; the same audience sent back is no change", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o, body: "Text" });
    const refused = await put(o.manager, url(document.id), {
      baseVersion: 1,
      body: "Text",
      audience: { personIds: [o.manager.person.id] },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("Only its author may change who this document is for");
    // The page offers the audience to the owner only.
    expect((await get(o.manager, url(document.id))).json().document.can.share).toBe(false);
    expect((await get(o.member, url(document.id))).json().document.can.share).toBe(true);
    const same = await put(o.manager, url(document.id), {
      baseVersion: 1,
      body: "Edited",
      audience: { organisation: true },
    });
    expect(same.json().document.version).toBe(2);
    const unknownPerson = await put(o.member, url(document.id), {
      baseVersion: 2,
      body: "Edited",
      audience: { personIds: [(await makeOrg(env)).member.person.id] },
    });
    expect(unknownPerson.statusCode).toBe(400);
    expect(unknownPerson.json().error.details.fields[0].path).toBe("audience.personIds");
    const narrowed = await put(o.member, url(document.id), {
      baseVersion: 2,
      body: "Edited",
      audience: { personIds: [o.hr.person.id] },
    });
    expect(narrowed.json().document).toMatchObject({
      version: 3,
      audience: { organisation: false, people: [{ personId: o.hr.person.id }] },
    });
    expect((await get(o.manager, url(document.id))).statusCode).toBe(404);
    expect((await get(o.hr, url(document.id))).statusCode).toBe(200);
    // From HR to the manager: the readers before and after are told (an event names no content).
    await put(o.member, url(document.id), {
      baseVersion: 3,
      body: "Edited",
      audience: { personIds: [o.manager.person.id] },
    });
    const events = await env.deps.db
      .select()
      .from(liveEvents)
      .where(and(eq(liveEvents.objectId, document.id), eq(liveEvents.type, "document.changed")))
      .orderBy(liveEvents.id);
    // Narrowing from the organisation tells the organisation; then the old and new readers.
    expect(events.at(-2)?.audience.personIds).toBeUndefined();
    expect([...(events.at(-1)?.audience.personIds ?? [])].sort()).toEqual(
      [o.member.person.id, o.hr.person.id, o.manager.person.id].sort(),
    );
  });
});

describe("DELETE /api/v1/documents/:id", () => {
  it("lets an admin remove a document they cannot read, with its links, audited", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o, readers: [o.manager] });
    const { meeting } = await buildMeeting(env, { org: o, organiser: o.member, attendees: [o.manager] });
    const { update } = await buildUpdate(env, { org: o, audience: { personIds: [o.manager.person.id] } });
    const ids = { organisationId: o.organisation.id };
    await env.deps.db
      .insert(meetingDocuments)
      .values({ ...ids, meetingId: meeting.id, documentId: document.id, position: 0 });
    await env.deps.db
      .insert(updateLinks)
      .values({ ...ids, updateId: update.id, type: "document", targetId: document.id, position: 0 });

    expect((await remove(o.hr, url(document.id))).statusCode).toBe(404);
    expect((await remove(o.manager, url(document.id))).statusCode).toBe(403);
    expect((await get(o.admin, url(document.id))).statusCode).toBe(404);
    expect((await remove(o.admin, url(document.id))).statusCode).toBe(204);
    expect((await get(o.member, url(document.id))).statusCode).toBe(404);
    expect(await env.deps.db.select().from(documents).where(eq(documents.id, document.id))).toEqual([]);
    expect(
      await env.deps.db.select().from(meetingDocuments).where(eq(meetingDocuments.documentId, document.id)),
    ).toEqual([]);
    expect(await env.deps.db.select().from(updateLinks).where(eq(updateLinks.targetId, document.id))).toEqual(
      [],
    );
    const audit = await env.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, o.organisation.id), eq(auditLog.targetId, document.id)));
    // Both rows can carry the same instant: compare them in a fixed order, not the table's.
    expect(audit.map((a) => [a.action, a.actorId]).sort()).toEqual([
      ["document.created", o.member.person.id],
      ["document.deleted", o.admin.person.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain("Handbook");
  });

  it("lets the owner remove their own", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o, owner: o.member });
    expect((await remove(o.member, url(document.id))).statusCode).toBe(204);
    expect((await remove(o.member, url(document.id))).statusCode).toBe(404);
  });
});

describe("drafts", () => {
  it("are the viewer's own: kept, shown to them alone, dropped by their save or on request", async () => {
    const o = await makeOrg(env);
    const { document } = await buildDocument(env, { org: o, body: "Start" });
    const mine = await put(o.manager, url(document.id, "/draft"), {
      title: "Mine",
      body: "Half-typed",
      baseVersion: 1,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().draft).toMatchObject({ title: "Mine", body: "Half-typed", baseVersion: 1 });
    await put(o.manager, url(document.id, "/draft"), { title: "Mine", body: "Typed more", baseVersion: 1 });
    await put(o.hr, url(document.id, "/draft"), { title: "HR's", body: "Other", baseVersion: 1 });

    expect((await get(o.manager, url(document.id))).json().document.draft).toMatchObject({
      body: "Typed more",
    });
    expect((await get(o.hr, url(document.id))).json().document.draft).toMatchObject({ body: "Other" });
    expect((await get(o.member, url(document.id))).json().document.draft).toBeNull();

    const newer = await put(o.manager, url(document.id, "/draft"), { title: "T", body: "B", baseVersion: 2 });
    expect(newer.statusCode).toBe(400);
    expect(newer.json().error.details.fields[0].path).toBe("baseVersion");

    await put(o.manager, url(document.id), { baseVersion: 1, body: "Typed more" });
    const rows = await env.deps.db
      .select()
      .from(documentDrafts)
      .where(eq(documentDrafts.documentId, document.id));
    expect(rows.map((r) => r.personId)).toEqual([o.hr.person.id]);
    expect((await remove(o.hr, url(document.id, "/draft"))).statusCode).toBe(204);
    expect((await remove(o.hr, url(document.id, "/draft"))).statusCode).toBe(204);
    expect((await get(o.hr, url(document.id))).json().document.draft).toBeNull();
  });
});

describe("used in", () => {
  /**
   * A document for everyone (owned by HR), the pre-read of the member's meeting with the manager, linked
   * by the owner's update to the manager and by the member's update to everyone.
   */
  async function used(o: TestOrg) {
    const { document } = await buildDocument(env, { org: o, owner: o.hr });
    const { meeting } = await buildMeeting(env, {
      org: o,
      organiser: o.member,
      attendees: [o.manager],
      title: "Plan review",
    });
    const named = await buildUpdate(env, {
      org: o,
      author: o.owner,
      title: "For the manager",
      audience: { personIds: [o.manager.person.id] },
    });
    const wide = await buildUpdate(env, { org: o, title: "For everyone" });
    const ids = { organisationId: o.organisation.id };
    await env.deps.db
      .insert(meetingDocuments)
      .values({ ...ids, meetingId: meeting.id, documentId: document.id, position: 0 });
    await env.deps.db.insert(updateLinks).values([
      { ...ids, updateId: named.update.id, type: "document", targetId: document.id, position: 0 },
      { ...ids, updateId: wide.update.id, type: "document", targetId: document.id, position: 0 },
      { ...ids, updateId: wide.update.id, type: "meeting", targetId: meeting.id, position: 1 },
    ]);
    return { document, meeting, named: named.update, wide: wide.update };
  }

  it("lists the meetings and updates the viewer may open, and nothing else; reading writes nothing", async () => {
    const o = await makeOrg(env);
    const { document, meeting, named, wide } = await used(o);
    const usedBy = async (as: TestPerson) => {
      const { result, writes } = await writesDuring(() => get(as, url(document.id)));
      expect(writes).toEqual([]);
      return result
        .json()
        .document.usedIn.map((u: { type: string; id: string; title: string }) => [u.type, u.title, u.id])
        .sort();
    };
    expect(await usedBy(o.manager)).toEqual(
      [
        ["meeting", "Plan review", meeting.id],
        ["update", "For the manager", named.id],
        ["update", "For everyone", wide.id],
      ].sort(),
    );
    expect(await usedBy(o.member)).toEqual(
      [
        ["meeting", "Plan review", meeting.id],
        ["update", "For everyone", wide.id],
      ].sort(),
    );
    for (const who of [o.admin, o.hr])
      expect(await usedBy(who)).toEqual([["update", "For everyone", wide.id]]);
    expect(await usedBy(o.owner)).toEqual(
      [
        ["update", "For the manager", named.id],
        ["update", "For everyone", wide.id],
      ].sort(),
    );
  });
});
