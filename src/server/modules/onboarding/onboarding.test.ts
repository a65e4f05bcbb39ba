import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actorOf, makeOrg } from "../../../../test/support/factories";
import { type Caller, call, type TestEnv, testEnv } from "../../../../test/support/harness";
import { newcomer, outboxTo } from "../../../../test/support/onboarding";
import { sha256 } from "../../platform/crypto";
import { DEFAULT_WEEK, people } from "../people";
import { createTeam, teamMembers } from "../teams";
import { invitations } from "./invitations.table";

async function auditActions(env: TestEnv, as: Caller) {
  const res = await call(env, "GET", "/api/v1/audit", { as });
  return res.json().entries.map((e: { action: string; targetId: string }) => `${e.action} ${e.targetId}`);
}

const peopleWithEmail = async (env: TestEnv, organisationId: string, email: string) =>
  env.deps.db
    .select()
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.email, email)));

describe("POST /api/v1/people", () => {
  it("creates an invited person in their teams with an invitation, its email and audit rows", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const team = await createTeam(env.deps, actorOf(org.admin), "Platform");
    const body = newcomer({
      email: "Ravi.Kumar@Example.test",
      role: "manager",
      teamIds: [team.id],
      managerId: org.manager.person.id,
    });
    const res = await call(env, "POST", "/api/v1/people", { as: org.hr.caller, body });
    expect(res.statusCode).toBe(201);
    const { person, invitation } = res.json();
    expect(person).toMatchObject({
      email: "ravi.kumar@example.test",
      role: "manager",
      timeZone: "Asia/Kolkata",
      managerId: org.manager.person.id,
      status: "invited",
      workingPattern: { timeZone: "Asia/Kolkata", week: DEFAULT_WEEK },
    });
    expect(invitation.url).toBe(`http://tandem.test/invitations/${invitation.token}`);

    const [stored] = await env.deps.db.select().from(invitations).where(eq(invitations.personId, person.id));
    expect(stored?.tokenHash).toBe(sha256(invitation.token));
    expect(stored?.invitedBy).toBe(org.hr.person.id);
    const days = ((stored?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const [row] = await peopleWithEmail(env, org.organisation.id, person.email);
    expect(row?.passwordHash).toBeNull();
    expect(row?.active).toBe(false);
    const memberships = await env.deps.db
      .select()
      .from(teamMembers)
      .where(eq(teamMembers.personId, person.id));
    expect(memberships.map((m) => [m.teamId, m.role])).toEqual([[team.id, "member"]]);

    const [email] = await outboxTo(env, org.organisation.id, person.email);
    expect(email?.text).toContain(`${org.hr.person.name} invited you to join ${org.organisation.name}`);
    expect(email?.text).toContain(invitation.url);
    expect(email?.text).toMatch(/expires on .+ \(Asia\/Kolkata\)/);

    const actions = await auditActions(env, org.admin.caller);
    expect(actions).toContain(`person.created ${person.id}`);
    expect(actions).toContain(`invitation.created ${stored?.id}`);
  });

  it("answers 409 for an email already in the organisation, whatever its case", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const taken = org.member.person.email.toUpperCase();
    const res = await call(env, "POST", "/api/v1/people", {
      as: org.admin.caller,
      body: newcomer({ email: taken }),
    });
    expect(res.statusCode).toBe(409);
    expect(await peopleWithEmail(env, org.organisation.id, org.member.person.email)).toHaveLength(1);
    // Another organisation may use the same address.
    const other = await makeOrg(env);
    const elsewhere = newcomer({ email: org.member.person.email });
    expect(
      (await call(env, "POST", "/api/v1/people", { as: other.admin.caller, body: elsewhere })).statusCode,
    ).toBe(201);
  });

  it("answers 404 for a manager of another organisation, and leaves nothing behind on failure", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const foreignManager = newcomer({ managerId: other.manager.person.id });
    const res = await call(env, "POST", "/api/v1/people", { as: org.admin.caller, body: foreignManager });
    expect(res.statusCode).toBe(404);
    expect(await peopleWithEmail(env, org.organisation.id, foreignManager.email)).toEqual([]);

    // The team check runs after the person is inserted: the transaction must undo that insert.
    const foreignTeam = await createTeam(env.deps, actorOf(other.admin), "Theirs");
    const body = newcomer({ teamIds: [foreignTeam.id] });
    const bad = await call(env, "POST", "/api/v1/people", { as: org.admin.caller, body });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("First team is not a team in this organisation");
    expect(bad.json().error.details.fields[0].path).toBe("teamIds[0]");
    expect(await peopleWithEmail(env, org.organisation.id, body.email)).toEqual([]);
    expect(await outboxTo(env, org.organisation.id, body.email)).toEqual([]);
  });

  it("lets each role give only the roles it may", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const attempt = (as: typeof org.hr, role: "owner" | "admin" | "hr") =>
      call(env, "POST", "/api/v1/people", { as: as.caller, body: newcomer({ role }) });
    expect((await attempt(org.hr, "admin")).statusCode).toBe(403);
    expect((await attempt(org.hr, "hr")).statusCode).toBe(403);
    expect((await attempt(org.admin, "owner")).statusCode).toBe(403);
    expect((await attempt(org.admin, "admin")).statusCode).toBe(403);
    expect((await attempt(org.admin, "hr")).statusCode).toBe(201);
    expect((await attempt(org.owner, "admin")).statusCode).toBe(201);
  });
});
