import { describe, expect, it } from "vitest";
import { buildMeeting } from "../../../../test/support/build";
import { makeOrg, type TestOrg, type TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import { stoppedAt } from "./meetings.fixtures";

let env: TestEnv;
let org: TestOrg;
const NOW = "2030-01-08T12:00:00Z";
stoppedAt(NOW, (f) => ({ env, org } = f));

const rate = (who: TestPerson, meetingId: string, body: unknown) =>
  call(env, "POST", `/api/v1/meetings/${meetingId}/rating`, { as: who.caller, body });
const ratingOnPage = async (who: TestPerson, meetingId: string) =>
  (await call(env, "GET", `/api/v1/meetings/${meetingId}`, { as: who.caller })).json().meeting.rating;

/** A meeting that ended this morning: the member organises, the manager and `extra` attend. */
const ended = async (extra: TestPerson[] = []) =>
  (await buildMeeting(env, { org, start: "2030-01-08T10:00:00Z", attendees: [org.manager, ...extra] }))
    .meeting;

describe("rating a meeting", () => {
  it("shows the count alone below 3 answers, then the aggregates, never who answered what", async () => {
    const third = await org.add("member");
    const m = await ended([third]);
    const first = await rate(org.member, m.id, { worthIt: 5, couldBeAsync: false });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ rating: { count: 1, mine: true } });
    await rate(org.manager, m.id, { worthIt: 2, couldBeAsync: true });
    expect(await ratingOnPage(third, m.id)).toEqual({ count: 2, mine: false });

    const last = await rate(third, m.id, { worthIt: 4, couldBeAsync: true });
    expect(last.statusCode).toBe(201);
    expect(last.json().rating).toEqual({
      count: 3,
      worthItAverage: 3.7,
      couldBeAsyncShare: 0.67,
      mine: true,
    });
    expect(await ratingOnPage(org.member, m.id)).toEqual({
      count: 3,
      worthItAverage: 3.7,
      couldBeAsyncShare: 0.67,
      mine: true,
    });
  });

  it("replaces an earlier answer of the same person", async () => {
    const third = await org.add("member");
    const m = await ended([third]);
    await rate(org.member, m.id, { worthIt: 5, couldBeAsync: false });
    await rate(org.manager, m.id, { worthIt: 5, couldBeAsync: false });
    await rate(third, m.id, { worthIt: 5, couldBeAsync: false });
    const again = await rate(third, m.id, { worthIt: 2, couldBeAsync: true });
    expect(again.statusCode).toBe(200);
    expect(again.json().rating).toEqual({ count: 3, worthItAverage: 4, couldBeAsyncShare: 0.33, mine: true });
  });

  it("refuses before the end, on a cancelled meeting, and from someone who declined", async () => {
    const upcoming = (await buildMeeting(env, { org, start: "2030-01-09T10:00:00Z" })).meeting;
    const early = await rate(org.manager, upcoming.id, { worthIt: 3, couldBeAsync: false });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/not ended yet/);

    const decliner = await org.add("member");
    const m = await ended([decliner]);
    await call(env, "PUT", `/api/v1/meetings/${m.id}/rsvp`, {
      as: decliner.caller,
      body: { response: "no" },
    });
    const declined = await rate(decliner, m.id, { worthIt: 1, couldBeAsync: true });
    expect(declined.statusCode).toBe(409);
    expect(declined.json().error.message).toMatch(/declined/);

    await call(env, "DELETE", `/api/v1/meetings/${upcoming.id}`, { as: org.member.caller });
    expect((await rate(org.manager, upcoming.id, { worthIt: 3, couldBeAsync: false })).statusCode).toBe(409);
  });

  it("lets a meeting completed early be rated at once", async () => {
    const m = (await buildMeeting(env, { org, start: "2030-01-09T10:00:00Z" })).meeting;
    await call(env, "POST", `/api/v1/meetings/${m.id}/complete`, { as: org.member.caller });
    expect((await rate(org.manager, m.id, { worthIt: 4, couldBeAsync: true })).statusCode).toBe(201);
  });

  it("refuses bad answers and people not in the meeting", async () => {
    const m = await ended();
    for (const body of [
      { worthIt: 6, couldBeAsync: false },
      { worthIt: 0, couldBeAsync: false },
      { worthIt: 2.5, couldBeAsync: false },
      { worthIt: 3, couldBeAsync: "yes" },
      { worthIt: 3 },
    ]) {
      expect((await rate(org.manager, m.id, body)).statusCode).toBe(400);
    }
    for (const who of [org.hr, org.admin, org.owner]) {
      expect((await rate(who, m.id, { worthIt: 3, couldBeAsync: false })).statusCode).toBe(404);
    }
    const foreign = await makeOrg(env);
    expect((await rate(foreign.member, m.id, { worthIt: 3, couldBeAsync: false })).statusCode).toBe(404);
  });
});
