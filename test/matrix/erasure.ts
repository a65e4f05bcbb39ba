import { makeOrg } from "../support/factories";
import { call } from "../support/harness";
import type { MatrixContext, Prepared, RouteCase } from "../support/matrix";
import { everyRole, onlyRoles } from "../support/matrix";

/**
 * Asking for one's own erasure schedules it for the caller, so each call is made by a new person of
 * the caller's role (a second owner, so the organisation keeps one): the shared callers stay as they are.
 */
async function newPersonOfTheRole({ org, foreign, who }: MatrixContext): Promise<Prepared> {
  if (who === "anonymous") return { body: {} };
  const person = who === "foreign" ? await foreign.add("member") : await org.add(who);
  return { body: {}, as: person.caller };
}

/** A member's erasure, scheduled by HR: the id to cancel (the caller is neither the person nor who asked, unless HR). */
async function scheduledErasure({ env, org }: MatrixContext): Promise<Prepared> {
  const person = await org.add("member");
  const res = await call(env, "POST", `/api/v1/people/${person.person.id}/erasure`, {
    as: org.hr.caller,
    body: {},
  });
  if (res.statusCode !== 202) throw new Error(`erasure refused: ${res.body}`);
  return { url: `/api/v1/erasures/${res.json().erasure.id}` };
}

export const cases: RouteCase[] = [
  {
    route: "POST /api/v1/me/erasure",
    prepare: newPersonOfTheRole,
    expect: everyRole(202),
    badInput: { wrongType: { field: "immediate", value: "yes" } },
  },
  { route: "GET /api/v1/me/erasure", expect: everyRole(200) },
  {
    route: "POST /api/v1/people/:id/erasure",
    prepare: async ({ org }) => ({
      url: `/api/v1/people/${(await org.add("member")).person.id}/erasure`,
      body: {},
    }),
    // Refused before the person is looked up, so a foreign caller gets 403.
    expect: onlyRoles(202, ["admin", "hr"], 403),
    badInput: { wrongType: { field: "immediate", value: 1 } },
  },
  {
    route: "GET /api/v1/people/:id/erasure",
    prepare: async ({ org }) => ({ url: `/api/v1/people/${org.manager.person.id}/erasure` }),
    expect: onlyRoles(200, ["admin", "hr", "manager"], 403),
  },
  {
    route: "POST /api/v1/organisation/erasure",
    // An owner schedules the deletion of an organisation of their own, made for the call.
    prepare: async ({ env, who }) =>
      who === "owner" ? { body: {}, as: (await makeOrg(env)).owner.caller } : { body: {} },
    expect: onlyRoles(202, ["owner"], 403),
    badInput: { wrongType: { field: "immediate", value: "now" } },
  },
  { route: "GET /api/v1/organisation/erasure", expect: onlyRoles(200, ["owner"], 403) },
  {
    route: "DELETE /api/v1/erasures/:id",
    prepare: scheduledErasure,
    expect: onlyRoles(200, ["admin", "hr"]),
  },
];
