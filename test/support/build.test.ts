import { beforeAll, describe, expect, it } from "vitest";
import {
  buildAbsence,
  buildAgreementVersion,
  buildApiToken,
  buildCalendar,
  buildCheckin,
  buildDocument,
  buildFocusBlocks,
  buildInsightWeeks,
  buildInvitation,
  buildMeeting,
  buildPerson,
  buildPolicy,
  buildRecording,
  buildRotation,
  buildTeam,
  buildUpdate,
} from "./build";
import { makeOrg } from "./factories";
import { call, type TestEnv, testEnv } from "./harness";

const HOUR = 3_600_000;

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

/** Each builder, given nothing, makes a fresh organisation whose people can read what it built. */
describe("builders", () => {
  it("a person", async () => {
    const { org, person, caller } = await buildPerson(env, { role: "manager" });
    const res = await call(env, "GET", `/api/v1/people/${person.id}`, { as: caller });
    expect(res.json().person).toMatchObject({ id: person.id, role: "manager" });
    expect(person.organisationId).toBe(org.organisation.id);
  });

  it("a team with its lead and members", async () => {
    const { org: o } = await buildPerson(env);
    const { team } = await buildTeam(env, { org: o, name: "Platform", lead: o.manager, members: [o.member] });
    const res = await call(env, "GET", `/api/v1/teams/${team.id}`, { as: o.member.caller });
    expect(res.json().team.name).toBe("Platform");
    expect(res.json().team.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: o.manager.person.id, role: "lead" }),
        expect.objectContaining({ personId: o.member.person.id, role: "member" }),
      ]),
    );
  });

  it("a policy", async () => {
    const { org, policy } = await buildPolicy(env, { title: "Leave" });
    const res = await call(env, "GET", `/api/v1/policies/${policy.id}`, { as: org.member.caller });
    expect(res.statusCode).toBe(200);
    expect(res.json().policy).toMatchObject({ title: "Leave", version: 1 });
  });

  it("an agreement version", async () => {
    const { org, version } = await buildAgreementVersion(env, { changeSummary: "Tighter" });
    expect(version.version).toBe(2);
    const res = await call(env, "GET", "/api/v1/agreement/versions", { as: org.member.caller });
    expect(JSON.stringify(res.json())).toContain("Tighter");
  });

  it("an invitation, listed for the admin", async () => {
    const { org, invitationId, person } = await buildInvitation(env);
    const res = await call(env, "GET", "/api/v1/invitations", { as: org.admin.caller });
    expect(res.json().invitations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: invitationId, personId: person.id })]),
    );
  });

  it("an API token that signs its person in", async () => {
    const { person, caller } = await buildApiToken(env);
    const res = await call(env, "GET", "/api/v1/me", { as: caller });
    expect(res.json().person.id).toBe(person.person.id);
  });

  it("a calendar busy when asked", async () => {
    const start = Math.floor(Date.now() / HOUR) * HOUR + 24 * HOUR;
    const { org, person, calendar } = await buildCalendar(env, { busy: [{ start, end: start + HOUR }] });
    const from = new Date(start - HOUR).toISOString();
    const to = new Date(start + 2 * HOUR).toISOString();
    const url = `/api/v1/people/${person.person.id}/busy?from=${from}&to=${to}`;
    const res = await call(env, "GET", url, { as: org.member.caller });
    expect(calendar.name).toBe("Work");
    expect(JSON.stringify(res.json())).toContain(new Date(start).toISOString());
  });

  it("an absence", async () => {
    const { person, absence } = await buildAbsence(env);
    const res = await call(env, "GET", `/api/v1/people/${person.person.id}/absences`, { as: person.caller });
    expect(JSON.stringify(res.json())).toContain(absence.id);
  });

  it("focus blocks", async () => {
    const { person } = await buildFocusBlocks(env);
    const res = await call(env, "GET", `/api/v1/people/${person.person.id}/focus-blocks`, {
      as: person.caller,
    });
    expect(res.json().focusBlocks.week).toEqual({ tue: [{ start: "09:00", end: "11:00" }] });
  });

  it("a saved rotation", async () => {
    const { org, rotation } = await buildRotation(env, { occurrences: 3 });
    const res = await call(env, "GET", "/api/v1/scheduling/rotations", { as: org.hr.caller });
    const [saved] = res.json().rotations;
    expect(saved).toMatchObject({ id: rotation.id, attendeeIds: [org.member.person.id] });
    expect(saved.occurrences).toHaveLength(3);
  });

  it("a meeting its attendee can read", async () => {
    const { org, meeting } = await buildMeeting(env);
    const res = await call(env, "GET", `/api/v1/meetings/${meeting.id}`, { as: org.manager.caller });
    expect(res.json().meeting).toMatchObject({ id: meeting.id, title: "Discuss", kind: "decision" });
    expect(res.json().meeting.attendees.map((a: { personId: string }) => a.personId)).toEqual([
      org.member.person.id,
      org.manager.person.id,
    ]);
  });

  it("a document its readers can read, version 1", async () => {
    const { org, document } = await buildDocument(env, { title: "Runbook" });
    const res = await call(env, "GET", `/api/v1/documents/${document.id}`, { as: org.manager.caller });
    expect(res.json().document).toMatchObject({
      id: document.id,
      title: "Runbook",
      version: 1,
      owner: { personId: org.member.person.id },
    });
  });

  it("an update its audience can read", async () => {
    const { org, update } = await buildUpdate(env, { title: "Shipped" });
    const res = await call(env, "GET", `/api/v1/updates/${update.id}`, { as: org.manager.caller });
    expect(res.json().update).toMatchObject({
      id: update.id,
      title: "Shipped",
      authorId: org.member.person.id,
    });
  });

  it("a ready recording its owner can play", async () => {
    const { org, recording } = await buildRecording(env);
    const res = await call(env, "GET", `/api/v1/recordings/${recording.id}`, { as: org.member.caller });
    expect(res.json().recording).toMatchObject({ id: recording.id, status: "ready", mimeType: "video/webm" });
    const media = await call(env, "GET", `/api/v1/recordings/${recording.id}/media`, {
      as: org.member.caller,
    });
    expect(media.statusCode).toBe(200);
    expect(media.rawPayload.length).toBe(recording.bytes);
  });

  it("a daily standup its participant can read", async () => {
    const { org, checkin } = await buildCheckin(env);
    const res = await call(env, "GET", `/api/v1/checkins/${checkin.id}`, { as: org.member.caller });
    expect(res.statusCode).toBe(200);
    expect(res.json().checkin).toMatchObject({
      id: checkin.id,
      templateId: "daily_standup",
      ownerId: org.admin.person.id,
      participants: [{ id: org.member.person.id }],
    });
    expect(res.json().checkin.questions.length).toBeGreaterThan(0);
  });

  it("rollup weeks their person reads as their own insights", async () => {
    const org = await makeOrg(env);
    await buildInsightWeeks(env, {
      org,
      personId: org.member.person.id,
      weeks: [{ weekStart: "2026-11-02", meetingHours: 12, pulse: 4 }],
    });
    const res = await call(env, "GET", "/api/v1/insights/me?from=2026-11-02&to=2026-11-08", {
      as: org.member.caller,
    });
    expect(res.json().weeks).toEqual([
      expect.objectContaining({ weekStart: "2026-11-02", meetingHours: 12, focusHours: 12, pulse: 4 }),
    ]);
  });
});
