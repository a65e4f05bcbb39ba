import { buildCheckin, buildOccurrence } from "../support/build";
import { call } from "../support/harness";
import type { MatrixContext, RouteCase, Who } from "../support/matrix";
import { everyRole } from "../support/matrix";

/** The admin's daily standup with the member and HR as its participants (no team). */
async function standup({ env, org }: MatrixContext) {
  const { checkin } = await buildCheckin(env, { org, participants: [org.member, org.hr] });
  const { occurrence } = await buildOccurrence(env, {
    org,
    checkin,
    person: org.member,
    localDate: env.deps.clock.now().toISOString().slice(0, 10),
  });
  return { checkin, occurrence };
}

/** The member's blocker in that standup, naming the manager as the one who can unblock. */
async function membersBlocker(ctx: MatrixContext): Promise<string> {
  const { env, org } = ctx;
  const { checkin, occurrence } = await standup(ctx);
  const question = checkin.questions.find((q) => q.type === "blocker")?.id ?? "";
  await call(env, "POST", `/api/v1/checkin-occurrences/${occurrence.id}/answers`, {
    as: org.member.caller,
    body: { answers: [{ questionId: question, text: "Matrix blocker", unblockerId: org.manager.person.id }] },
  });
  const res = await call(env, "GET", "/api/v1/blockers", { as: org.member.caller });
  const id = (res.json() as { blockers: { id: string; text: string }[] }).blockers[0]?.id;
  if (!id) throw new Error("the member's blocker was not raised");
  return id;
}

/**
 * Resolving: the manager (named to unblock) and the member (its author); the admin (who runs the
 * ritual) and HR (a participant) read it in the digest but may not resolve it (403); the owner is
 * not in the ritual at all (404).
 */
const resolvers: Record<Who, number> = {
  owner: 404,
  admin: 403,
  hr: 403,
  manager: 200,
  member: 200,
  foreign: 404,
  anonymous: 401,
};

/** The digest: the ritual's owner (the admin) and participants; the owner sees the ritual (admins do) but not its answers. */
const digestReaders: Record<Who, number> = {
  owner: 403,
  admin: 200,
  hr: 200,
  manager: 404,
  member: 200,
  foreign: 404,
  anonymous: 401,
};

export const cases: RouteCase[] = [
  // Each person's own list (blockers they raised or are named in), another organisation's member too.
  { route: "GET /api/v1/blockers", expect: everyRole(200) },
  {
    route: "PATCH /api/v1/blockers/:id",
    prepare: async (ctx) => ({
      url: `/api/v1/blockers/${await membersBlocker(ctx)}`,
      body: { status: "resolved" },
    }),
    expect: resolvers,
    badInput: { wrongType: { field: "status", value: 1 }, oversized: "status" },
  },
  {
    route: "GET /api/v1/checkins/:id/digest",
    prepare: async (ctx) => ({ url: `/api/v1/checkins/${(await standup(ctx)).checkin.id}/digest` }),
    expect: digestReaders,
  },
];
