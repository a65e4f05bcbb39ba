import { PUBLIC, type RouteCase } from "../support/matrix";

export const cases: RouteCase[] = [
  { route: "GET /healthz", expect: PUBLIC(200) },
  { route: "GET /readyz", expect: PUBLIC(200) },
  { route: "GET /metrics", expect: PUBLIC(200) },
  { route: "GET /api/openapi.json", expect: PUBLIC(200) },
  { route: "GET /api/v1/setup", expect: PUBLIC(200) },
];
