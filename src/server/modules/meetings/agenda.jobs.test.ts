import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildTeam, buildTeamAgreement } from "../../../../test/support/build";
import { makeOrg } from "../../../../test/support/factories";
import { call, type TestEnv, testEnv } from "../../../../test/support/harness";
import type { Clock } from "../../platform/clock";
import { notifications } from "../notifications";
import { flagEmptyAgendas } from "./agenda.jobs";
import { meetingAttendees, meetings } from "./meetings.table";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});

describe("the empty-agenda sweep (flag-empty-agendas)", () => {
  let realClock: Clock;
  beforeAll(() => {
    realClock = env.deps.clock;
  });
  afterAll(() => {
    env.deps.clock = realClock;
  });
  const at = (iso: string) => {
    env.deps.clock = { now: () => new Date(iso) };
  };
  const flaggedAt = async (id: string) =>
    (await env.deps.db.select({ at: meetings.agendaFlaggedAt }).from(meetings).where(eq(meetings.id, id)))[0]
      ?.at;
  const told = (id: string) =>
    env.deps.db
      .select({ to: notifications.recipientId, body: notifications.body, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.kind, "meeting.agenda_missing"), eq(notifications.objectId, id)));

  it("flags an empty agenda once its notice has passed, telling everyone but who declined, once", async () => {
    at("2030-01-07T08:00:00Z"); // the meetings are Tuesday 10:00 UTC: 26 hours ahead, the notice is 24
    const o = await makeOrg(env);
    const declining = await o.add("member");
    const empty = (await buildMeeting(env, { org: o, attendees: [o.manager, declining] })).meeting;
    const planned = (await buildMeeting(env, { org: o })).meeting;
    await call(env, "POST", `/api/v1/meetings/${planned.id}/agenda-items`, {
      as: o.member.caller,
      body: { title: "Budget", outcome: "decide" },
    });
    await env.deps.db
      .update(meetingAttendees)
      .set({ rsvp: "no" })
      .where(
        and(eq(meetingAttendees.meetingId, empty.id), eq(meetingAttendees.personId, declining.person.id)),
      );

    await flagEmptyAgendas(env.deps);
    expect(await flaggedAt(empty.id)).toBeNull();

    at("2030-01-07T10:30:00Z");
    await flagEmptyAgendas(env.deps);
    expect(await flaggedAt(empty.id)).toEqual(new Date("2030-01-07T10:30:00Z"));
    expect(await flaggedAt(planned.id)).toBeNull();
    const sent = await told(empty.id);
    expect(sent.map((n) => n.to).sort()).toEqual([o.member.person.id, o.manager.person.id].sort());
    expect(sent[0]?.link).toBe(`/meetings/${empty.id}`);
    expect(sent[0]?.body).toContain("decline with one click");
    expect(sent[0]?.body).toContain("24 hours before");

    at("2030-01-07T11:00:00Z");
    await flagEmptyAgendas(env.deps);
    expect(await told(empty.id)).toHaveLength(2);
    expect(await flaggedAt(empty.id)).toEqual(new Date("2030-01-07T10:30:00Z"));
  });

  it("takes the team's notice when it is stricter, and leaves meetings already begun alone", async () => {
    at("2030-01-07T08:00:00Z");
    const o = await makeOrg(env);
    const { team } = await buildTeam(env, { org: o, lead: o.manager, members: [o.member] });
    await buildTeamAgreement(env, { org: o, teamId: team.id, rules: { agendaRequiredHoursBefore: 48 } });
    const teamMeeting = (await buildMeeting(env, { org: o, teamId: team.id })).meeting;
    const orgMeeting = (await buildMeeting(env, { org: o })).meeting;
    await flagEmptyAgendas(env.deps);
    expect(await flaggedAt(teamMeeting.id)).toEqual(new Date("2030-01-07T08:00:00Z"));
    expect(await flaggedAt(orgMeeting.id)).toBeNull();

    at("2030-01-08T10:05:00Z"); // the org meeting has begun: too late to ask for an agenda
    await flagEmptyAgendas(env.deps);
    expect(await flaggedAt(orgMeeting.id)).toBeNull();
    expect(await told(orgMeeting.id)).toHaveLength(0);
  });
});
