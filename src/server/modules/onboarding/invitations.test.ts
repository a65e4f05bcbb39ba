import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeOrg } from "../../../../test/support/factories";
import { call, sessionCookieOf, testEnv } from "../../../../test/support/harness";
import { invite, outboxTo } from "../../../../test/support/onboarding";
import { invitations } from "./invitations.table";

const acceptBody = (extra: Record<string, unknown> = {}) => ({
  password: "a brand new password",
  timeZone: "America/New_York",
  ...extra,
});

describe("POST /api/v1/invitations/:token/accept", () => {
  it("activates the person, signs them in, and works only once", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const { person, token } = await invite(env, org);
    const url = `/api/v1/invitations/${token}/accept`;

    const res = await call(env, "POST", url, { body: acceptBody({ name: "Nia Renamed" }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({
      id: person.id,
      name: "Nia Renamed",
      timeZone: "America/New_York",
      status: "active",
    });
    expect(res.json().organisation.id).toBe(org.organisation.id);
    const cookie = sessionCookieOf(res);
    expect(cookie).toBeTruthy();
    const me = await call(env, "GET", "/api/v1/me", { headers: { cookie: `tandem_session=${cookie}` } });
    expect(me.json().person.id).toBe(person.id);

    const again = await call(env, "POST", url, { body: acceptBody() });
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({ code: "invitation_invalid" });
    expect(again.json().error.message).toContain("ask an admin for a new invitation");

    const login = await call(env, "POST", "/api/v1/auth/login", {
      body: { email: person.email, password: "a brand new password" },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().person.id).toBe(person.id);
    const audit = await call(env, "GET", "/api/v1/audit", { as: org.admin.caller });
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toContain("invitation.accepted");
  });

  it("answers 410 for an expired or unknown token, with the same message", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const { person, token, invitationId } = await invite(env, org);
    await env.deps.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invitationId));
    const expired = await call(env, "POST", `/api/v1/invitations/${token}/accept`, { body: acceptBody() });
    const unknown = await call(env, "POST", "/api/v1/invitations/not-a-real-token/accept", {
      body: acceptBody(),
    });
    expect([expired.statusCode, unknown.statusCode]).toEqual([410, 410]);
    expect(expired.json().error.message).toBe(unknown.json().error.message);
    const login = await call(env, "POST", "/api/v1/auth/login", {
      body: { email: person.email, password: "a brand new password" },
    });
    expect(login.statusCode).toBe(401);
  });
});

describe("GET /api/v1/invitations", () => {
  it("lists pending invitations with the person and who invited them", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const pending = await invite(env, org, { name: "Pending Person", role: "manager" });
    const accepted = await invite(env, org);
    await call(env, "POST", `/api/v1/invitations/${accepted.token}/accept`, { body: acceptBody() });

    const res = await call(env, "GET", "/api/v1/invitations", { as: org.hr.caller });
    expect(res.statusCode).toBe(200);
    expect(res.json().invitations).toEqual([
      {
        id: pending.invitationId,
        personId: pending.person.id,
        name: "Pending Person",
        email: pending.person.email,
        role: "manager",
        invitedBy: { id: org.admin.person.id, name: org.admin.person.name },
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        expired: false,
      },
    ]);
    const other = await makeOrg(env);
    expect(
      (await call(env, "GET", "/api/v1/invitations", { as: other.admin.caller })).json().invitations,
    ).toEqual([]);
  });
});

describe("POST /api/v1/invitations/:id/resend", () => {
  it("issues a new token, kills the old one and queues the email again", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const first = await invite(env, org);
    const res = await call(env, "POST", `/api/v1/invitations/${first.invitationId}/resend`, {
      as: org.hr.caller,
    });
    expect(res.statusCode).toBe(201);
    const { invitation } = res.json();
    expect(invitation.token).not.toBe(first.token);
    expect(invitation.url).toBe(`http://tandem.test/invitations/${invitation.token}`);

    const emails = await outboxTo(env, org.organisation.id, first.person.email);
    expect(emails.map((e) => e.text.includes(invitation.url))).toEqual([false, true]);
    const old = await call(env, "POST", `/api/v1/invitations/${first.token}/accept`, { body: acceptBody() });
    expect(old.statusCode).toBe(410);
    const fresh = await call(env, "POST", `/api/v1/invitations/${invitation.token}/accept`, {
      body: acceptBody(),
    });
    expect(fresh.statusCode).toBe(200);

    const replaced = await call(env, "POST", `/api/v1/invitations/${first.invitationId}/resend`, {
      as: org.hr.caller,
    });
    expect(replaced.statusCode).toBe(404);
  });

  it("answers 404 to another organisation, 409 once accepted, and 403 for a role hr may not give", async () => {
    const env = await testEnv();
    const org = await makeOrg(env);
    const other = await makeOrg(env);
    const pending = await invite(env, org);
    const resend = (id: string, as = org.hr.caller) =>
      call(env, "POST", `/api/v1/invitations/${id}/resend`, { as });
    expect((await resend(pending.invitationId, other.admin.caller)).statusCode).toBe(404);

    const accepted = await invite(env, org);
    await call(env, "POST", `/api/v1/invitations/${accepted.token}/accept`, { body: acceptBody() });
    expect((await resend(accepted.invitationId)).statusCode).toBe(409);

    const anAdmin = await invite(env, org, { role: "admin" }, org.owner);
    expect((await resend(anAdmin.invitationId)).statusCode).toBe(403);
    expect((await resend(anAdmin.invitationId, org.owner.caller)).statusCode).toBe(201);
  });
});
