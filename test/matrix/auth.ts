import { randomUUID } from "node:crypto";
import { signIn } from "../support/factories";
import { call } from "../support/harness";
import { everyRole, type RouteCase } from "../support/matrix";

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/setup",
    prepare: async () => ({
      body: {
        organisation: { name: "Taken", timeZone: "UTC" },
        owner: { name: "X", email: "x@example.test", password: "correct horse battery", timeZone: "UTC" },
      },
    }),
    // The shared test database already holds organisations: setup is closed to everyone.
    expect: { owner: 409, admin: 409, hr: 409, manager: 409, member: 409, foreign: 409, anonymous: 409 },
    badInput: { wrongType: { field: "organisation.name", value: 42 }, oversized: "owner.name" },
  },
  {
    route: "POST /api/v1/auth/login",
    // A new unknown email each time, so the throttle (tested on its own) does not answer 429.
    prepare: async () => ({
      body: { email: `nobody-${randomUUID()}@example.test`, password: "not the password" },
    }),
    expect: { owner: 401, admin: 401, hr: 401, manager: 401, member: 401, foreign: 401, anonymous: 401 },
    badInput: { wrongType: { field: "email", value: 7 }, oversized: "password" },
  },
  {
    route: "POST /api/v1/auth/logout",
    // A throwaway session, so the shared callers stay signed in.
    prepare: async ({ env, org, foreign, who }) =>
      who === "anonymous"
        ? {}
        : { as: await signIn(env, (who === "foreign" ? foreign.member : org[who]).person) },
    expect: { ...everyRole(204), anonymous: 401 },
  },
  { route: "GET /api/v1/auth/csrf", expect: { ...everyRole(200), anonymous: 401 } },
  { route: "GET /api/v1/me", expect: { ...everyRole(200), anonymous: 401 } },
  {
    route: "POST /api/v1/me/tokens",
    prepare: async () => ({ body: { name: "ci" } }),
    expect: { ...everyRole(201), anonymous: 401 },
    badInput: { wrongType: { field: "name", value: ["x"] }, oversized: "name" },
  },
  { route: "GET /api/v1/me/tokens", expect: { ...everyRole(200), anonymous: 401 } },
  {
    route: "DELETE /api/v1/me/tokens/:id",
    prepare: async ({ env, org, who }) => {
      // Each caller deletes a token of its own; the foreign caller tries the org owner's.
      const owner = who === "foreign" || who === "anonymous" ? org.owner : org[who];
      const res = await call(env, "POST", "/api/v1/me/tokens", { as: owner.caller, body: { name: "temp" } });
      return { url: `/api/v1/me/tokens/${res.json().id}` };
    },
    expect: { ...everyRole(204), foreign: 404, anonymous: 401 },
  },
];
