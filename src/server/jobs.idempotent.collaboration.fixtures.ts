import { and, count, eq } from "drizzle-orm";
import { expect } from "vitest";
import { buildCheckin, buildMeeting, buildUpdate } from "../../test/support/build";
import { makeOrg } from "../../test/support/factories";
import { freshEnv, type TestEnv } from "../../test/support/harness";
import { type JobCases, runTwice } from "./jobs.idempotent.fixtures";
import { checkinDigests, checkinOccurrences } from "./modules/checkins/checkins.table";
import { deliverCheckinsJob, remindCheckinsJob } from "./modules/checkins/delivery.jobs";
import { postCheckinDigestsJob } from "./modules/checkins/digest.jobs";
import { flagEmptyAgendasJob } from "./modules/meetings/agenda.jobs";
import { meetings } from "./modules/meetings/meetings.table";
import { notifications } from "./modules/notifications/notifications.table";
import { updates } from "./modules/updates";
import { flagStalledThreadsJob, remindReplyByJob } from "./modules/updates/updates.jobs";
import { liveEvents } from "./platform/events/live-events.table";

/**
 * The collaboration sweeps' cases for `jobs.idempotent.test.ts` (meetings, updates, check-ins): each in a
 * database of its own, since a sweep covers every organisation.
 */
export const collaborationJobCases: JobCases = {
  async "flag-empty-agendas"() {
    // Its own database: the sweep covers every organisation's meetings.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-07T08:00:00Z") };
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const { meeting } = await buildMeeting(env, { org }); // Tuesday 10:00 UTC, an empty agenda
    env.deps.clock = { now: () => new Date("2030-01-07T12:00:00Z") }; // past the 24-hour notice
    const state = async () => ({
      told: (
        await env.deps.db
          .select({ n: count() })
          .from(notifications)
          .where(
            and(eq(notifications.organisationId, orgId), eq(notifications.kind, "meeting.agenda_missing")),
          )
      )[0]?.n,
      flagged: await env.deps.db
        .select({ at: meetings.agendaFlaggedAt })
        .from(meetings)
        .where(eq(meetings.id, meeting.id)),
      events: (
        await env.deps.db
          .select({ n: count() })
          .from(liveEvents)
          .where(and(eq(liveEvents.organisationId, orgId), eq(liveEvents.type, "meeting.changed")))
      )[0]?.n,
    });
    const once = await runTwice(flagEmptyAgendasJob, env.deps, {}, state);
    expect(once).toMatchObject({ told: 2, flagged: [{ at: new Date("2030-01-07T12:00:00Z") }] });
  },

  async "remind-reply-by"() {
    // Its own database: the sweep covers every organisation's responders.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-07T09:00:00Z") }; // Monday 09:00 London
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    await buildUpdate(env, { org, author: org.manager, responders: [org.member] });
    env.deps.clock = { now: () => new Date("2030-01-07T13:05:00Z") }; // past 50% of their 8 hours
    const state = async () => ({
      told: await env.deps.db
        .select({ to: notifications.recipientId })
        .from(notifications)
        .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, "update.reply_reminder"))),
    });
    const once = await runTwice(remindReplyByJob, env.deps, {}, state);
    expect(once).toEqual({ told: [{ to: org.member.person.id }] });
  },

  async "flag-stalled-threads"() {
    // Its own database: the sweep covers every organisation's threads.
    const env = await freshEnv();
    env.deps.clock = { now: () => new Date("2030-01-07T09:00:00Z") };
    const org = await makeOrg(env);
    const orgId = org.organisation.id;
    const { update } = await buildUpdate(env, { org, author: org.manager, responders: [org.member] });
    env.deps.clock = { now: () => new Date("2030-01-08T09:00:00Z") }; // the reply-by passed unanswered
    const state = async () => ({
      told: (
        await env.deps.db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, "update.stalled")))
      )[0]?.n,
      flagged: await env.deps.db
        .select({ at: updates.stalledAt })
        .from(updates)
        .where(eq(updates.id, update.id)),
      events: (
        await env.deps.db
          .select({ n: count() })
          .from(liveEvents)
          .where(and(eq(liveEvents.organisationId, orgId), eq(liveEvents.type, "update.changed")))
      )[0]?.n,
    });
    const once = await runTwice(flagStalledThreadsJob, env.deps, {}, state);
    expect(once).toMatchObject({ told: 2, flagged: [{ at: new Date("2030-01-08T09:00:00Z") }] });
  },

  async "deliver-checkins"() {
    // Its own database: the sweep covers every organisation's rituals.
    const { env, orgId, org } = await standupFor("2030-01-07T10:00:00Z"); // Monday, after 09:30 London
    const state = async () => ({
      occurrences: await env.deps.db
        .select({ to: checkinOccurrences.personId, localDate: checkinOccurrences.localDate })
        .from(checkinOccurrences)
        .where(eq(checkinOccurrences.organisationId, orgId)),
      told: await checkinNotices(env, orgId, "checkin.due"),
    });
    const once = await runTwice(deliverCheckinsJob, env.deps, {}, state);
    expect(once).toEqual({
      occurrences: [{ to: org.member.person.id, localDate: "2030-01-07" }],
      told: [{ to: org.member.person.id }],
    });
  },

  async "remind-checkins"() {
    // Its own database: the sweep covers every organisation's occurrences.
    const { env, orgId, org } = await standupFor("2030-01-07T10:00:00Z");
    await deliverCheckinsJob.handle(env.deps, {});
    env.deps.clock = { now: () => new Date("2030-01-08T09:05:00Z") }; // past the reminder, Tuesday 09:00
    const state = () => checkinNotices(env, orgId, "checkin.reminder");
    const once = await runTwice(remindCheckinsJob, env.deps, {}, state);
    expect(once).toEqual([{ to: org.member.person.id }]);
  },

  async "post-checkin-digests"() {
    // Its own database: the sweep covers every organisation's rituals.
    const { env, orgId, org } = await standupFor("2030-01-07T10:00:00Z");
    await deliverCheckinsJob.handle(env.deps, {});
    env.deps.clock = { now: () => new Date("2030-01-08T12:00:00Z") }; // Monday's window closed, the day over
    const state = async () => ({
      digests: await env.deps.db
        .select({ localDate: checkinDigests.localDate, updateId: checkinDigests.updateId })
        .from(checkinDigests)
        .where(eq(checkinDigests.organisationId, orgId)),
      posts: await env.deps.db
        .select({ id: updates.id })
        .from(updates)
        .where(and(eq(updates.organisationId, orgId), eq(updates.kind, "checkin_digest"))),
      told: await env.deps.db
        .select({ to: notifications.recipientId })
        .from(notifications)
        .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, "checkin.digest"))),
    });
    const once = await runTwice(postCheckinDigestsJob, env.deps, {}, state);
    const posted = (once as { posts: { id: string }[] }).posts[0]?.id;
    expect(once).toEqual({
      digests: [{ localDate: "2030-01-07", updateId: posted }],
      posts: [{ id: expect.any(String) }],
      told: [{ to: org.member.person.id }],
    });
  },
};

/** A daily standup for the member (09:30 London, Monday to Friday) in its own database; then the clock set to `then`. */
async function standupFor(then: string) {
  const env = await freshEnv();
  env.deps.clock = { now: () => new Date("2030-01-06T12:00:00Z") };
  const org = await makeOrg(env);
  await buildCheckin(env, { org, participants: [org.member] });
  env.deps.clock = { now: () => new Date(then) };
  return { env, org, orgId: org.organisation.id };
}

const checkinNotices = (env: TestEnv, orgId: string, kind: "checkin.due" | "checkin.reminder") =>
  env.deps.db
    .select({ to: notifications.recipientId })
    .from(notifications)
    .where(and(eq(notifications.organisationId, orgId), eq(notifications.kind, kind)));
