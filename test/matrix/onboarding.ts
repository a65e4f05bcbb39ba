import { randomUUID } from "node:crypto";
import { peopleImports } from "../../src/server/modules/onboarding/import.table";
import { onlyRoles, PUBLIC, type RouteCase } from "../support/matrix";
import { invite, newcomer } from "../support/onboarding";

// Role checks come before any lookup, so the foreign caller (a member elsewhere) gets 403.
const peopleAdmins = (ok: number) => onlyRoles(ok, ["admin", "hr"], 403);

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/people",
    prepare: async () => ({ body: newcomer() }),
    expect: peopleAdmins(201),
    badInput: { wrongType: { field: "role", value: 5 }, oversized: "name" },
  },
  {
    route: "POST /api/v1/people/import",
    prepare: async () => ({
      payload: `name,email,role,timeZone,team\nImported,imported-${randomUUID()}@example.test,member,UTC,\n`,
      contentType: "text/csv",
    }),
    expect: peopleAdmins(200),
  },
  {
    route: "GET /api/v1/people/imports/:id",
    prepare: async ({ env, org }) => {
      const [record] = await env.deps.db
        .insert(peopleImports)
        .values({
          organisationId: org.organisation.id,
          createdBy: org.admin.person.id,
          total: 600,
          report: { created: [], skipped: [] },
        })
        .returning({ id: peopleImports.id });
      return { url: `/api/v1/people/imports/${record?.id}` };
    },
    expect: peopleAdmins(200),
  },
  { route: "GET /api/v1/invitations", expect: peopleAdmins(200) },
  {
    route: "POST /api/v1/invitations/:id/resend",
    prepare: async ({ env, org }) => ({
      url: `/api/v1/invitations/${(await invite(env, org)).invitationId}/resend`,
    }),
    expect: peopleAdmins(201),
  },
  {
    route: "POST /api/v1/invitations/:token/accept",
    prepare: async ({ env, org }) => ({
      url: `/api/v1/invitations/${(await invite(env, org)).token}/accept`,
      body: { password: "a long enough password", timeZone: "America/New_York" },
    }),
    // Public: whoever holds the link accepts it (each caller here gets a fresh invitation).
    expect: PUBLIC(200),
    badInput: { wrongType: { field: "timeZone", value: 42 }, oversized: "password" },
  },
];
