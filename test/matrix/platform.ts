import { PUBLIC, type RouteCase } from "../support/matrix";

export const cases: RouteCase[] = [
  { route: "GET /healthz", expect: PUBLIC(200) },
  { route: "GET /readyz", expect: PUBLIC(200) },
  { route: "GET /metrics", expect: PUBLIC(200) },
  { route: "GET /api/openapi.json", expect: PUBLIC(200) },
  { route: "GET /api/v1/setup", expect: PUBLIC(200) },
  { route: "GET /api/v1/setup/demo", expect: PUBLIC(200) },
];

// The shared test database holds organisations already: demo seeding is closed to everyone.
cases.push({
  route: "POST /api/v1/setup/demo",
  expect: { owner: 409, admin: 409, hr: 409, manager: 409, member: 409, foreign: 409, anonymous: 409 },
});
