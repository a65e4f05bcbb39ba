import { onlyRoles, type RouteCase } from "../support/matrix";

export const cases: RouteCase[] = [{ route: "GET /api/v1/outbox", expect: onlyRoles(200, ["admin"], 403) }];
