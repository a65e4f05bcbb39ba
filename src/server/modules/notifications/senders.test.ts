import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../../../../test/support/factories";
import { call, testEnv } from "../../../../test/support/harness";
import { invite } from "../../../../test/support/onboarding";
import type { NotificationKind } from "../../../contracts/notifications";
import { refreshCalendar } from "../calendars";
import { calendars } from "../calendars/calendars.table";
import { notifications } from "./notifications.table";

/** The places that tell people something do it through notify, inside their own transaction. */
const env = await testEnv();

const received = (org: TestOrg, kind: NotificationKind) =>
  env.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.organisationId, org.organisation.id), eq(notifications.kind, kind)));

describe("notify's callers", () => {
  it("a new agreement version asks everyone but its publisher to acknowledge it", async () => {
    const org = await makeOrg(env);
    const res = await call(env, "PUT", "/api/v1/agreement", {
      as: org.hr.caller,
      body: { rules: { maxAttendees: 9 }, changeSummary: "Smaller meetings" },
    });
    expect(res.statusCode).toBe(200);
    const rows = await received(org, "agreement.version_to_acknowledge");
    const everyoneButHr = [org.owner, org.admin, org.manager, org.member].map((p) => p.person.id).sort();
    expect(rows.map((r) => r.recipientId).sort()).toEqual(everyoneButHr);
    expect(rows[0]).toMatchObject({
      link: "/agreement",
      actorId: org.hr.person.id,
      body: "What changed: Smaller meetings",
    });
  });

  it("a refused agreement change tells nobody", async () => {
    const org = await makeOrg(env);
    const res = await call(env, "PUT", "/api/v1/agreement", {
      as: org.member.caller,
      body: { rules: { maxAttendees: 9 }, changeSummary: "Not allowed" },
    });
    expect(res.statusCode).toBe(403);
    expect(await received(org, "agreement.version_to_acknowledge")).toEqual([]);
  });

  it("a new policy version asks its audience, with a link to the policy", async () => {
    const org = await makeOrg(env);
    const created = await call(env, "POST", "/api/v1/policies", {
      as: org.admin.caller,
      body: { title: "Right to disconnect", body: "We do not email at night." },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().policy.id;
    const rows = await received(org, "policy.version_to_acknowledge");
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.recipientId)).not.toContain(org.admin.person.id);
    expect(rows[0]).toMatchObject({ link: `/agreement/policies/${id}`, objectType: "policy", objectId: id });
  });

  it("an accepted invitation tells the inviter", async () => {
    const org = await makeOrg(env);
    const { token, person } = await invite(env, org, {}, org.hr);
    const res = await call(env, "POST", `/api/v1/invitations/${token}/accept`, {
      body: { password: "a long enough password", timeZone: "Europe/Paris" },
    });
    expect(res.statusCode).toBe(200);
    const rows = await received(org, "invitation.accepted");
    expect(rows).toMatchObject([
      { recipientId: org.hr.person.id, actorId: person.id, link: `/team/people/${person.id}` },
    ]);
  });

  it("a URL calendar that breaks tells its owner once", async () => {
    const org = await makeOrg(env);
    // A loopback address: refused by the SSRF guard on this instance, so every refresh fails.
    const [calendar] = await env.deps.db
      .insert(calendars)
      .values({
        organisationId: org.organisation.id,
        personId: org.member.person.id,
        name: "Team rota",
        kind: "url",
        url: "http://127.0.0.1:9/rota.ics",
      })
      .returning();
    const job = { organisationId: org.organisation.id, calendarId: calendar?.id ?? "" };
    for (let i = 0; i < 4; i++) await refreshCalendar(env.deps, job);
    const rows = await received(org, "calendar.import_failed");
    expect(rows).toMatchObject([
      { recipientId: org.member.person.id, link: `/meetings/calendar/${calendar?.id}` },
    ]);
    expect(rows[0]?.subject).toContain("Team rota");
  });
});
