import type { TestOrg } from "./factories";
import type { Caller, TestEnv } from "./harness";

/** Who calls: each role of the organisation, a member of another organisation, or nobody. */
export const CALLERS = ["owner", "admin", "hr", "manager", "member", "foreign", "anonymous"] as const;
export type Who = (typeof CALLERS)[number];

export interface MatrixContext {
  env: TestEnv;
  org: TestOrg;
  /** Another organisation: its member is the "foreign" caller. */
  foreign: TestOrg;
  who: Who;
}

export interface Prepared {
  url?: string;
  body?: unknown;
  payload?: string;
  contentType?: string;
  /** Call as this caller instead of the role's shared one (e.g. a throwaway session to log out). */
  as?: Caller;
}

export interface RouteCase {
  /** As registered: "POST /api/v1/people/:id/absences". */
  route: string;
  /** Builds a concrete URL and a valid body; called afresh for every caller (DELETE consumes). */
  prepare?: (ctx: MatrixContext) => Promise<Prepared>;
  /** Expected status per caller. */
  expect: Record<Who, number>;
  /**
   * For routes with a JSON body: a field to send with a wrong type, and a string field to
   * oversize (bodies without strings: leave it out and the whole body is sent beyond the limit).
   */
  badInput?: { wrongType: { field: string; value: unknown }; oversized?: string };
  /** The route streams (Server-Sent Events): only its status is checked, then the stream is closed. */
  stream?: true;
}

/** The usual expectations: allowed roles get `ok`, others 403, a foreign caller 404, anonymous 401. */
export function onlyRoles(ok: number, allowed: Who[], foreign = 404): Record<Who, number> {
  return {
    owner: allowed.includes("owner") || allowed.includes("admin") ? ok : 403,
    admin: allowed.includes("admin") ? ok : 403,
    hr: allowed.includes("hr") ? ok : 403,
    manager: allowed.includes("manager") ? ok : 403,
    member: allowed.includes("member") ? ok : 403,
    foreign,
    anonymous: 401,
  };
}

export const everyRole = (ok: number, foreign = ok): Record<Who, number> =>
  onlyRoles(ok, ["admin", "hr", "manager", "member"], foreign);

export const PUBLIC = (ok: number): Record<Who, number> => ({
  owner: ok,
  admin: ok,
  hr: ok,
  manager: ok,
  member: ok,
  foreign: ok,
  anonymous: ok,
});

/** What is the member's alone (a recording before it is posted): everyone else is told it does not exist. */
export const membersOwn = (ok: number): Record<Who, number> => ({
  owner: 404,
  admin: 404,
  hr: 404,
  manager: 404,
  member: ok,
  foreign: 404,
  anonymous: 401,
});
