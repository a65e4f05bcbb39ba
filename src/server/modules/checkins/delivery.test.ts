import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAbsence, buildCheckin, buildTeam } from "../../../../test/support/build";
import { actorOf, makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { freshEnv, type TestEnv } from "../../../../test/support/harness";
import { notifications } from "../notifications";
import { setTeamMembers } from "../teams";
import { answerOccurrence } from "./answers.service";
import { updateCheckin } from "./checkins.service";
import { checkinOccurrences } from "./checkins.table";
import { deliverCheckins, remindCheckins } from "./delivery.service";

let env: TestEnv;
// A database of its own: the sweeps cover every organisation, and a test elsewhere running them with
// another clock (or this file's, there) would deliver into the other's rituals.
beforeAll(async () => {
  env = await freshEnv();
});

const HOUR = 3_600_000;
const at = (ms: number | string) => {
  const now = new Date(ms);
  env.deps.clock = { now: () => now };
};

/** Two sweeps at once, as two instances would run them. */
const twoSweeps = () => Promise.all([deliverCheckins(env.deps), deliverCheckins(env.deps)]);

/** Runs two sweeps at once every `step` from `from` until before `to`. */
async function sweepBetween(from: string, to: string, step = 45 * 60_000) {
  for (let t = Date.parse(from); t < Date.parse(to); t += step) {
    at(t);
    await twoSweeps();
  }
}

const occurrencesOf = (checkinId: string) =>
  env.deps.db
    .select({
      id: checkinOccurrences.id,
      personId: checkinOccurrences.personId,
      localDate: checkinOccurrences.localDate,
      deliveredAt: checkinOccurrences.deliveredAt,
      remindAt: checkinOccurrences.remindAt,
      closesAt: checkinOccurrences.closesAt,
    })
    .from(checkinOccurrences)
    .where(eq(checkinOccurrences.checkinId, checkinId))
    .orderBy(asc(checkinOccurrences.deliveredAt));

const told = (personIds: string[], kind: "checkin.due" | "checkin.reminder") =>
  env.deps.db
    .select({
      to: notifications.recipientId,
      subject: notifications.subject,
      link: notifications.link,
      deliverAt: notifications.deliverAt,
    })
    .from(notifications)
    .where(and(eq(notifications.kind, kind), inArray(notifications.recipientId, personIds)))
    .orderBy(asc(notifications.deliverAt));

/** A standup (Mon–Fri 09:30 local, 24 hours to answer, a reminder) for people in three zones. */
async function threeZones(o: TestOrg) {
  const london = await o.add("member", { timeZone: "Europe/London" });
  const york = await o.add("member", { timeZone: "America/New_York" });
  const sydney = await o.add("member", { timeZone: "Australia/Sydney" });
  const { checkin } = await buildCheckin(env, { org: o, participants: [london, york, sydney] });
  return { london, york, sydney, checkin };
}

describe("delivery (deliver-checkins)", () => {
  it("gives each participant one occurrence per local working day at their own 09:30, even with two sweeps at once", async () => {
    at("2030-01-06T12:00:00Z"); // Sunday
    const o = await makeOrg(env);
    const { london, york, sydney, checkin } = await threeZones(o);
    // Monday 7 to Thursday 10 January 2030 (UTC), a pair of sweeps every hour.
    await sweepBetween("2030-01-06T20:00:00Z", "2030-01-10T00:00:00Z", HOUR);
    const rows = await occurrencesOf(checkin.id);
    const of = (p: TestPerson) =>
      rows.filter((r) => r.personId === p.person.id).map((r) => [r.localDate, r.deliveredAt.toISOString()]);
    expect(of(london)).toEqual([
      ["2030-01-07", "2030-01-07T09:30:00.000Z"],
      ["2030-01-08", "2030-01-08T09:30:00.000Z"],
      ["2030-01-09", "2030-01-09T09:30:00.000Z"],
    ]);
    expect(of(york)).toEqual([
      ["2030-01-07", "2030-01-07T14:30:00.000Z"],
      ["2030-01-08", "2030-01-08T14:30:00.000Z"],
      ["2030-01-09", "2030-01-09T14:30:00.000Z"],
    ]);
    // Sydney is UTC+11 in January: its Monday 09:30 is Sunday 22:30 in UTC.
    expect(of(sydney)).toEqual([
      ["2030-01-07", "2030-01-06T22:30:00.000Z"],
      ["2030-01-08", "2030-01-07T22:30:00.000Z"],
      ["2030-01-09", "2030-01-08T22:30:00.000Z"],
      ["2030-01-10", "2030-01-09T22:30:00.000Z"],
    ]);
    for (const row of rows) expect(row.closesAt.getTime() - row.deliveredAt.getTime()).toBe(24 * HOUR);

    // Told once per occurrence, with the ritual's name and a link to its answer form.
    const notices = await told([london.person.id, york.person.id, sydney.person.id], "checkin.due");
    expect(notices).toHaveLength(rows.length);
    expect(notices.map((n) => n.link).sort()).toEqual(rows.map((r) => `/checkins/answer/${r.id}`).sort());
    expect(notices[0]?.subject).toBe(`${checkin.name}: your check-in`);

    // Another run at any of those moments adds nothing.
    at("2030-01-09T15:00:00Z");
    await twoSweeps();
    expect(await occurrencesOf(checkin.id)).toHaveLength(rows.length);
  });

  it("delivers what is still open when a sweep comes late, stamped with its delivery time", async () => {
    at("2030-01-06T12:00:00Z");
    const o = await makeOrg(env);
    const { checkin } = await buildCheckin(env, { org: o, participants: [o.member] });
    at("2030-01-07T16:00:00Z"); // the sweep did not run since the morning
    // Either sweep may be the one that inserts: between them, exactly one occurrence.
    const [first, second] = await twoSweeps();
    expect(first + second).toBe(1);
    expect((await occurrencesOf(checkin.id)).map((r) => r.deliveredAt.toISOString())).toEqual([
      "2030-01-07T09:30:00.000Z",
    ]);
  });

  it("skips a person absent that day, and everyone on a paused ritual", async () => {
    at("2030-01-06T12:00:00Z");
    const o = await makeOrg(env);
    const away = await o.add("member");
    await buildAbsence(env, { org: o, person: away, start: "2030-01-08", end: "2030-01-08" });
    const { checkin } = await buildCheckin(env, { org: o, participants: [o.member, away] });
    await sweepBetween("2030-01-07T09:00:00Z", "2030-01-09T12:00:00Z", HOUR);
    const dates = async (p: TestPerson) =>
      (await occurrencesOf(checkin.id)).filter((r) => r.personId === p.person.id).map((r) => r.localDate);
    expect(await dates(o.member)).toEqual(["2030-01-07", "2030-01-08", "2030-01-09"]);
    expect(await dates(away)).toEqual(["2030-01-07", "2030-01-09"]);

    await updateCheckin(env.deps, actorOf(o.admin), checkin.id, { paused: true });
    await sweepBetween("2030-01-10T09:00:00Z", "2030-01-10T12:00:00Z", HOUR);
    expect(await dates(o.member)).toEqual(["2030-01-07", "2030-01-08", "2030-01-09"]);
    // The weekend: no working time, no occurrence (and paused anyway); resumed on Monday.
    await updateCheckin(env.deps, actorOf(o.admin), checkin.id, { paused: false });
    await sweepBetween("2030-01-14T09:00:00Z", "2030-01-14T12:00:00Z", HOUR);
    expect(await dates(o.member)).toEqual(["2030-01-07", "2030-01-08", "2030-01-09", "2030-01-14"]);
  });

  it("follows the team: who joins gets occurrences from then on, who left gets none", async () => {
    at("2030-01-06T12:00:00Z");
    const o = await makeOrg(env);
    const stays = await o.add("member");
    const leaves = await o.add("member");
    const joins = await o.add("member");
    const { team } = await buildTeam(env, { org: o, members: [stays, leaves], lead: o.manager });
    // Eight hours to answer: Monday's window has closed by the evening, when the team changes.
    const { checkin } = await buildCheckin(env, { org: o, team, owner: o.manager, windowHours: 8 });
    await sweepBetween("2030-01-07T09:00:00Z", "2030-01-07T12:00:00Z", HOUR);
    at("2030-01-07T20:00:00Z");
    await setTeamMembers(env.deps, actorOf(o.admin), team.id, [
      { personId: o.manager.person.id, role: "lead" },
      { personId: stays.person.id, role: "member" },
      { personId: joins.person.id, role: "member" },
    ]);
    await sweepBetween("2030-01-07T20:00:00Z", "2030-01-08T12:00:00Z", HOUR);
    const rows = await occurrencesOf(checkin.id);
    const dates = (p: TestPerson) => rows.filter((r) => r.personId === p.person.id).map((r) => r.localDate);
    expect(dates(stays)).toEqual(["2030-01-07", "2030-01-08"]);
    expect(dates(o.manager)).toEqual(["2030-01-07", "2030-01-08"]);
    expect(dates(leaves)).toEqual(["2030-01-07"]);
    expect(dates(joins)).toEqual(["2030-01-08"]);
  });
});

describe("the reminder (remind-checkins)", () => {
  it("reminds once, only those who have not answered, inside their hours", async () => {
    at("2030-01-06T12:00:00Z");
    const o = await makeOrg(env);
    const answers = await o.add("member");
    const york = await o.add("member", { timeZone: "America/New_York" });
    const { checkin } = await buildCheckin(env, { org: o, participants: [o.member, answers, york] });
    await sweepBetween("2030-01-07T09:00:00Z", "2030-01-07T15:30:00Z", HOUR);
    const rows = await occurrencesOf(checkin.id);
    expect(rows).toHaveLength(3);
    // Half the window (12 hours) falls in the evening: moved to the next start of their working day.
    const byPerson = new Map(rows.map((r) => [r.personId, r]));
    expect(byPerson.get(o.member.person.id)?.remindAt).toEqual(new Date("2030-01-08T09:00:00Z"));
    expect(byPerson.get(york.person.id)?.remindAt).toEqual(new Date("2030-01-08T14:00:00Z"));

    const answered = byPerson.get(answers.person.id);
    if (!answered) throw new Error("no occurrence");
    at("2030-01-07T10:00:00Z");
    await answerOccurrence(env.deps, actorOf(answers), answered.id, {
      answers: [{ questionId: (await questionIds(answered.id))[0] ?? "", text: "Shipped it" }],
    });

    at("2030-01-08T08:59:00Z");
    await Promise.all([remindCheckins(env.deps), remindCheckins(env.deps)]);
    const ids = [o.member.person.id, answers.person.id, york.person.id];
    expect(await told(ids, "checkin.reminder")).toEqual([]);

    at("2030-01-08T09:05:00Z");
    const claimed = await Promise.all([remindCheckins(env.deps), remindCheckins(env.deps)]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    at("2030-01-08T14:05:00Z");
    await Promise.all([remindCheckins(env.deps), remindCheckins(env.deps)]);
    at("2030-01-08T16:00:00Z");
    await remindCheckins(env.deps);
    const sent = await told(ids, "checkin.reminder");
    expect(sent.map((n) => [n.to, n.deliverAt.toISOString()])).toEqual([
      [o.member.person.id, "2030-01-08T09:05:00.000Z"],
      [york.person.id, "2030-01-08T14:05:00.000Z"],
    ]);
    expect(sent[0]).toMatchObject({
      subject: `Reminder: ${checkin.name}: your check-in`,
      link: `/checkins/answer/${byPerson.get(o.member.person.id)?.id}`,
    });
  });

  it("does not remind after the window closed, nor when the ritual does not remind", async () => {
    at("2030-01-06T12:00:00Z");
    const o = await makeOrg(env);
    const quiet = await o.add("member");
    const { checkin } = await buildCheckin(env, { org: o, participants: [o.member] });
    const { checkin: silent } = await buildCheckin(env, { org: o, participants: [quiet], reminder: false });
    await sweepBetween("2030-01-07T09:00:00Z", "2030-01-07T12:00:00Z", HOUR);
    expect((await occurrencesOf(silent.id))[0]?.remindAt).toBeNull();
    const [row] = await occurrencesOf(checkin.id);
    at((row?.closesAt.getTime() ?? 0) + 60_000); // the sweep missed the whole reminder window
    await remindCheckins(env.deps);
    expect(await told([o.member.person.id, quiet.person.id], "checkin.reminder")).toEqual([]);
  });
});

async function questionIds(occurrenceId: string): Promise<string[]> {
  const [row] = await env.deps.db
    .select({ questions: checkinOccurrences.questions })
    .from(checkinOccurrences)
    .where(eq(checkinOccurrences.id, occurrenceId));
  return (row?.questions ?? []).map((q) => q.id);
}
