import { beforeAll, describe, expect, it } from "vitest";
import { buildApiToken, buildMeeting } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";

let env: TestEnv;
let org: TestOrg;
beforeAll(async () => {
  env = await testEnv();
  org = await makeOrg(env);
});

const putNotes = (who: TestPerson, meetingId: string, body: unknown) =>
  call(env, "PUT", `/api/v1/meetings/${meetingId}/notes`, { as: who.caller, body });

describe("shared notes", () => {
  it("saves from the current version, and answers a stale write 409 with the notes as they are", async () => {
    const { meeting } = await buildMeeting(env, { org });
    const first = await putNotes(org.member, meeting.id, {
      body: "**Agreed**: ship <b>Friday</b>",
      baseVersion: 0,
    });
    expect(first.statusCode).toBe(200);
    const saved = first.json().notes;
    expect(saved).toEqual({
      body: "**Agreed**: ship <b>Friday</b>",
      html: "<p><strong>Agreed</strong>: ship &lt;b&gt;Friday&lt;/b&gt;</p>\n",
      version: 1,
    });

    const stale = await putNotes(org.manager, meeting.id, { body: "My older text", baseVersion: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("your text was not saved"),
      details: { notes: saved },
    });

    const next = await putNotes(org.manager, meeting.id, { body: "Merged", baseVersion: 1 });
    expect(next.json().notes).toMatchObject({ body: "Merged", version: 2 });
  });

  it("lets exactly one of two writers from the same version win", async () => {
    const { meeting } = await buildMeeting(env, { org });
    const [a, b] = await Promise.all([
      putNotes(org.member, meeting.id, { body: "From the organiser", baseVersion: 0 }),
      putNotes(org.manager, meeting.id, { body: "From the attendee", baseVersion: 0 }),
    ]);
    const statuses = [a?.statusCode, b?.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a?.statusCode === 200 ? a : b;
    const loser = a?.statusCode === 200 ? b : a;
    expect(winner?.json().notes.version).toBe(1);
    expect(loser?.json().error.details.notes).toEqual(winner?.json().notes);
    const after = await putNotes(org.member, meeting.id, { body: "Third", baseVersion: 1 });
    expect(after.json().notes.version).toBe(2);
  });

  it("is the meeting's people's only: 404 to HR, admins and the owner", async () => {
    const { meeting } = await buildMeeting(env, { org });
    for (const who of [org.hr, org.admin, org.owner]) {
      expect((await putNotes(who, meeting.id, { body: "Mine", baseVersion: 0 })).statusCode).toBe(404);
    }
  });

  it("refuses bad bodies in words", async () => {
    const { meeting } = await buildMeeting(env, { org });
    const res = await putNotes(org.member, meeting.id, { body: "x", baseVersion: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("Version you edited must not be negative");
    const long = await putNotes(org.member, meeting.id, { body: "x".repeat(100_001), baseVersion: 0 });
    expect(long.statusCode).toBe(400);
    const missing = await putNotes(org.member, meeting.id, { body: "x" });
    expect(missing.statusCode).toBe(400);
  });
});

describe("private notes", () => {
  const url = (id: string) => `/api/v1/meetings/${id}/private-notes`;

  it("are each person's own: written and read by them, read by nobody else through any route", async () => {
    const { meeting } = await buildMeeting(env, { org, kind: "one_to_one" });
    const empty = await call(env, "GET", url(meeting.id), { as: org.manager.caller });
    expect(empty.json()).toEqual({ privateNotes: { body: "", updatedAt: null } });

    const secret = "Worried about burnout";
    const put = await call(env, "PUT", url(meeting.id), { as: org.manager.caller, body: { body: secret } });
    expect(put.statusCode).toBe(200);
    expect(put.json().privateNotes).toEqual({ body: secret, updatedAt: expect.any(String) });
    const mine = await call(env, "GET", url(meeting.id), { as: org.manager.caller });
    expect(mine.json().privateNotes.body).toBe(secret);

    // The organiser (the other attendee) reads their own, empty notes, never the manager's.
    const organiser = await call(env, "GET", url(meeting.id), { as: org.member.caller });
    expect(organiser.json().privateNotes).toEqual({ body: "", updatedAt: null });

    const adminToken = await buildApiToken(env, { org, person: org.admin });
    for (const caller of [org.hr.caller, org.admin.caller, org.owner.caller, adminToken.caller]) {
      const read = await call(env, "GET", url(meeting.id), { as: caller });
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain(secret);
      const write = await call(env, "PUT", url(meeting.id), { as: caller, body: { body: "overwrite" } });
      expect(write.statusCode).toBe(404);
    }
    // Nor through the meeting itself.
    const meetingBody = await call(env, "GET", `/api/v1/meetings/${meeting.id}`, { as: org.member.caller });
    expect(meetingBody.body).not.toContain(secret);

    const again = await call(env, "PUT", url(meeting.id), {
      as: org.manager.caller,
      body: { body: "Better now" },
    });
    expect(again.json().privateNotes.body).toBe("Better now");
  });

  it("refuses bad bodies in words", async () => {
    const { meeting } = await buildMeeting(env, { org });
    const res = await call(env, "PUT", url(meeting.id), { as: org.member.caller, body: { body: 3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe("body");
  });
});
