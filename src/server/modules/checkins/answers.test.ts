import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCheckin, buildTeam } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, freshEnv, type TestEnv } from "../../../../test/support/harness";
import type { OccurrenceView } from "../../../contracts/checkins";
import { people } from "../people";
import { checkinAnswers, checkinBlockers, checkinOccurrences } from "./checkins.table";
import { deliverCheckins } from "./delivery.service";

let env: TestEnv;
// A database of its own: the sweeps cover every organisation, and a test elsewhere running them with
// another clock (or this file's, there) would deliver into the other's rituals.
beforeAll(async () => {
  env = await freshEnv();
});

const at = (iso: string) => {
  const now = new Date(iso);
  env.deps.clock = { now: () => now };
};

/**
 * The member's daily standup (delivered Monday 7 January 2030 at 09:30 London, 24 hours to answer,
 * late after Tuesday 09:00): questions 1 and 2 text, 3 a blocker, 4 a pulse. The manager leads the team.
 */
async function standup() {
  at("2030-01-06T12:00:00Z");
  const o = await makeOrg(env);
  const { team } = await buildTeam(env, { org: o, members: [o.member], lead: o.manager });
  const { checkin } = await buildCheckin(env, { org: o, team, owner: o.manager });
  at("2030-01-07T09:35:00Z");
  await deliverCheckins(env.deps);
  const [row] = await env.deps.db
    .select()
    .from(checkinOccurrences)
    .where(
      and(eq(checkinOccurrences.checkinId, checkin.id), eq(checkinOccurrences.personId, o.member.person.id)),
    );
  if (!row) throw new Error("not delivered");
  const [done, today, blocker, mood] = row.questions.map((q) => q.id) as [string, string, string, string];
  return { o, checkin, occurrence: row, q: { done, today, blocker, mood } };
}

const answer = (who: TestPerson, id: string, answers: unknown[]) =>
  call(env, "POST", `/api/v1/checkin-occurrences/${id}/answers`, { as: who.caller, body: { answers } });
const read = async (who: TestPerson, id: string) =>
  call(env, "GET", `/api/v1/checkin-occurrences/${id}`, { as: who.caller });
const answersOf = async (who: TestPerson, id: string) =>
  ((await read(who, id)).json().occurrence as OccurrenceView).answers;

describe("answering a check-in", () => {
  it("replaces an answer given again, keeps the others, and marks answers late after late_after", async () => {
    const { o, occurrence, q } = await standup();
    let res = await answer(o.member, occurrence.id, [{ questionId: q.done, text: "Wrote the spec" }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().occurrence).toMatchObject({
      id: occurrence.id,
      answeredAt: "2030-01-07T09:35:00.000Z",
      answers: [{ questionId: q.done, text: "Wrote the spec", value: null, late: false }],
    });

    at("2030-01-07T11:00:00Z");
    res = await answer(o.member, occurrence.id, [
      { questionId: q.done, text: "Wrote and sent the spec" },
      { questionId: q.mood, value: 4 },
    ]);
    expect(res.statusCode).toBe(201);
    await answer(o.member, occurrence.id, [{ questionId: q.mood, value: 2, text: "Tired" }]);
    expect(await answersOf(o.member, occurrence.id)).toEqual([
      { questionId: q.done, text: "Wrote and sent the spec", value: null, unblockerId: null, late: false },
      { questionId: q.mood, text: "Tired", value: 2, unblockerId: null, late: false },
    ]);

    // Late after Tuesday 09:00 (half the window fell in the evening; moved to the next working start).
    expect(occurrence.lateAfter).toEqual(new Date("2030-01-08T09:00:00Z"));
    at("2030-01-08T09:10:00Z");
    res = await answer(o.member, occurrence.id, [{ questionId: q.today, text: "Review" }]);
    expect(res.json().occurrence.answeredAt).toBe("2030-01-07T09:35:00.000Z"); // the first answer's time
    expect(res.json().occurrence.answers).toEqual([
      expect.objectContaining({ questionId: q.done, late: false }),
      expect.objectContaining({ questionId: q.today, text: "Review", late: true }),
      expect.objectContaining({ questionId: q.mood, late: false }),
    ]);
  });

  it("answers 409 once the window closed, saying when", async () => {
    const { o, occurrence, q } = await standup();
    at("2030-01-08T09:30:00Z");
    const res = await answer(o.member, occurrence.id, [{ questionId: q.done, text: "Too late" }]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "conflict",
      message:
        "This check-in closed at 09:30 on Tuesday 8 January in Europe/London; answers are no longer taken",
    });
    expect(await answersOf(o.member, occurrence.id)).toEqual([]);
    // Closed: gone from the due list, still readable by its person.
    const due = await call(env, "GET", "/api/v1/checkins/due", { as: o.member.caller });
    expect(due.json().occurrences.map((x: OccurrenceView) => x.id)).not.toContain(occurrence.id);
    expect((await read(o.member, occurrence.id)).statusCode).toBe(200);
  });

  it("refuses answers that do not fit their question, in words, writing nothing", async () => {
    const { o, occurrence, q } = await standup();
    const foreign = await makeOrg(env);
    const gone = await o.add("member");
    await env.deps.db.update(people).set({ active: false }).where(eq(people.id, gone.person.id));
    const stranger = randomUUID();
    const cases: [unknown[], string, string][] = [
      [
        [{ questionId: stranger, text: "Hi" }],
        "answers[0].questionId",
        `Answer 1: ${stranger} is not a question of this check-in`,
      ],
      [
        [{ questionId: q.mood, value: 7 }],
        "answers[0].value",
        "Question 4 (How are you feeling today?): needs a number from 1 to 5",
      ],
      [
        [{ questionId: q.mood, value: true }],
        "answers[0].value",
        "Question 4 (How are you feeling today?): needs a number from 1 to 5",
      ],
      [
        [{ questionId: q.mood }],
        "answers[0].value",
        "Question 4 (How are you feeling today?): needs a number from 1 to 5",
      ],
      [
        [{ questionId: q.done, value: 3 }],
        "answers[0].value",
        "Question 1 (What did you get done since the last check-in?): takes text, not a number or yes/no",
      ],
      [[{ questionId: q.today }], "answers[0].text", "Question 2 (What will you do today?): needs some text"],
      [
        [{ questionId: q.blocker, unblockerId: o.manager.person.id }],
        "answers[0].text",
        "Question 3 (Anything blocking you?): needs some text",
      ],
      [
        [{ questionId: q.done, text: "Done", unblockerId: o.manager.person.id }],
        "answers[0].unblockerId",
        "Question 1 (What did you get done since the last check-in?): only a blocker question names someone who can unblock",
      ],
      [
        [{ questionId: q.done, text: "Done", urgent: true }],
        "answers[0].urgent",
        "Question 1 (What did you get done since the last check-in?): only a blocker question can be urgent",
      ],
      [
        [
          { questionId: q.done, text: "A" },
          { questionId: q.done, text: "B" },
        ],
        "answers[1].questionId",
        "Question 1 (What did you get done since the last check-in?): is answered twice; send one answer for it",
      ],
      [
        [{ questionId: q.blocker, text: "Stuck", unblockerId: o.member.person.id }],
        "answers[0].unblockerId",
        "Question 3 (Anything blocking you?): name someone else who can unblock you, not yourself",
      ],
      [
        [{ questionId: q.blocker, text: "Stuck", unblockerId: foreign.member.person.id }],
        "answers[0].unblockerId",
        "Question 3 (Anything blocking you?): the person named to unblock you is not an active person of your organisation",
      ],
      [
        [{ questionId: q.blocker, text: "Stuck", unblockerId: gone.person.id }],
        "answers[0].unblockerId",
        "Question 3 (Anything blocking you?): the person named to unblock you is not an active person of your organisation",
      ],
      // A good answer beside a bad one: neither is written.
      [
        [
          { questionId: q.done, text: "Fine" },
          { questionId: q.mood, value: 0 },
        ],
        "answers[1].value",
        "Question 4 (How are you feeling today?): needs a number from 1 to 5",
      ],
    ];
    for (const [answers, path, message] of cases) {
      const res = await answer(o.member, occurrence.id, answers);
      expect({ answers, status: res.statusCode, error: res.json().error }).toMatchObject({
        status: 400,
        error: { code: "validation_failed", message, details: { fields: [{ path, message }] } },
      });
    }
    const written = await env.deps.db
      .select()
      .from(checkinAnswers)
      .where(eq(checkinAnswers.occurrenceId, occurrence.id));
    expect(written).toEqual([]);
    const [row] = await env.deps.db
      .select({ answeredAt: checkinOccurrences.answeredAt })
      .from(checkinOccurrences)
      .where(eq(checkinOccurrences.id, occurrence.id));
    expect(row?.answeredAt).toBeNull();
  });

  it("raises a blocker naming who can unblock, in the same answer", async () => {
    const { o, occurrence, q } = await standup();
    const res = await answer(o.member, occurrence.id, [
      {
        questionId: q.blocker,
        text: "Need access to the staging database",
        unblockerId: o.admin.person.id,
        urgent: true,
      },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().occurrence.answers).toEqual([
      {
        questionId: q.blocker,
        text: "Need access to the staging database",
        value: null,
        unblockerId: o.admin.person.id,
        late: false,
      },
    ]);
    const blockers = await env.deps.db
      .select({
        assignee: checkinBlockers.assigneeId,
        text: checkinBlockers.text,
        urgent: checkinBlockers.urgent,
      })
      .from(checkinBlockers)
      .where(eq(checkinBlockers.occurrenceId, occurrence.id));
    expect(blockers).toEqual([
      { assignee: o.admin.person.id, text: "Need access to the staging database", urgent: true },
    ]);
  });

  it("answers 404 to everyone but its person, whatever their role, and writes nothing for them", async () => {
    const { o, occurrence, q } = await standup();
    const foreign = await makeOrg(env);
    const others: [string, TestPerson][] = [
      ["owner", o.owner],
      ["admin", o.admin],
      ["hr", o.hr],
      ["manager (the team's lead)", o.manager],
      ["another member", await o.add("member")],
      ["another organisation's owner", foreign.owner],
    ];
    for (const [who, person] of others) {
      const got = await read(person, occurrence.id);
      const sent = await answer(person, occurrence.id, [{ questionId: q.mood, value: 5 }]);
      expect({ who, read: got.statusCode, answer: sent.statusCode }).toEqual({ who, read: 404, answer: 404 });
      expect(got.json().error.message).toBe("Check-in not found");
    }
    expect(await answersOf(o.member, occurrence.id)).toEqual([]);
  });
});

describe("my due check-ins (GET /checkins/due)", () => {
  it("lists my open occurrences only, oldest first, with my answers so far", async () => {
    const { o, checkin, occurrence, q } = await standup();
    const { checkin: early } = await buildEarly(o);
    at("2030-01-07T09:35:00Z");
    await deliverCheckins(env.deps);
    await answer(o.member, occurrence.id, [{ questionId: q.mood, value: 3 }]);

    const res = await call(env, "GET", "/api/v1/checkins/due", { as: o.member.caller });
    expect(res.statusCode).toBe(200);
    const due = res.json().occurrences as OccurrenceView[];
    expect(due.map((x) => [x.checkinId, x.deliveredAt])).toEqual([
      [early.id, "2030-01-07T09:00:00.000Z"],
      [checkin.id, "2030-01-07T09:30:00.000Z"],
    ]);
    expect(due[1]).toMatchObject({
      checkinName: checkin.name,
      localDate: "2030-01-07",
      dueAt: "2030-01-08T09:30:00.000Z",
      lateAfter: "2030-01-08T09:00:00.000Z",
      answers: [{ questionId: q.mood, value: 3 }],
    });
    expect(due[1]?.questions.map((x) => x.prompt)).toContain("How are you feeling today?");
    // A yes/no answer reads back as true or false.
    const yesNo = due[0]?.questions[0]?.id ?? "";
    const yes = await answer(o.member, due[0]?.id ?? "", [{ questionId: yesNo, value: true }]);
    expect(yes.json().occurrence.answers).toMatchObject([{ questionId: yesNo, value: true }]);
    const no = await answer(o.member, due[0]?.id ?? "", [{ questionId: yesNo, value: false }]);
    expect(no.json().occurrence.answers).toMatchObject([{ questionId: yesNo, value: false }]);
    const worded = await answer(o.member, due[0]?.id ?? "", [{ questionId: yesNo, value: 1 }]);
    expect(worded.json().error.message).toBe(
      "Question 1 (Did you sleep well?): needs yes or no (true or false)",
    );

    // The lead, also a participant of the early one, sees only theirs; another member, nothing.
    const lead = (await call(env, "GET", "/api/v1/checkins/due", { as: o.manager.caller })).json();
    expect(lead.occurrences.map((x: OccurrenceView) => x.checkinId)).toEqual([early.id, checkin.id]);
    expect(lead.occurrences.every((x: OccurrenceView) => x.id !== occurrence.id)).toBe(true);
    const other = await o.add("member");
    expect((await call(env, "GET", "/api/v1/checkins/due", { as: other.caller })).json()).toEqual({
      occurrences: [],
    });

    // Once the early one's four hours have passed it is no longer listed.
    at("2030-01-07T13:05:00Z");
    const later = (await call(env, "GET", "/api/v1/checkins/due", { as: o.member.caller })).json();
    expect(later.occurrences.map((x: OccurrenceView) => x.checkinId)).toEqual([checkin.id]);
  });
});

/** A ritual every day at 09:00 with four hours to answer, for the member and the manager. */
function buildEarly(o: TestOrg) {
  at("2030-01-06T12:00:00Z");
  return buildCheckin(env, {
    org: o,
    participants: [o.member, o.manager],
    name: "Early bird",
    schedule: { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], localTime: "09:00" },
    windowHours: 4,
    questions: [{ type: "yes_no", prompt: "Did you sleep well?" }],
  });
}
