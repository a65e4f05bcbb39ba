import { onlyRoles, PUBLIC, type RouteCase } from "../support/matrix";

export const cases: RouteCase[] = [
  { route: "GET /api/v1/organisation/sso", expect: onlyRoles(200, ["admin"], 403) },
  {
    route: "PUT /api/v1/organisation/sso",
    // Valid, but the issuer is no provider: admins get past access to the discovery check (400, a
    // sentence); saving for real is in modules/sso/sso.test.ts against a running provider.
    prepare: async () => ({
      body: {
        issuer: "https://idp.invalid",
        clientId: "tandem",
        domains: ["example.test"],
        required: false,
        justInTime: false,
      },
    }),
    expect: { ...onlyRoles(400, ["admin"], 403) },
    badInput: { wrongType: { field: "required", value: "yes" }, oversized: "clientId" },
  },
  {
    route: "GET /api/v1/auth/sso/start",
    // No SSO for this organisation: everyone is sent back to sign-in with the reason.
    prepare: async ({ org }) => ({ url: `/api/v1/auth/sso/start?organisationId=${org.organisation.id}` }),
    expect: PUBLIC(302),
  },
  {
    route: "GET /api/v1/auth/sso/callback",
    prepare: async () => ({ url: "/api/v1/auth/sso/callback?state=unknown&code=nothing" }),
    expect: PUBLIC(302),
  },
  {
    route: "GET /api/v1/auth/sso/lookup",
    prepare: async () => ({ url: "/api/v1/auth/sso/lookup?email=someone%40example.test" }),
    expect: PUBLIC(200),
  },
];
