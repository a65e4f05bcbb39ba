import { buildCheckin, buildOccurrence } from "../support/build";
import type { MatrixContext, RouteCase } from "../support/matrix";
import { everyRole, membersOwn } from "../support/matrix";

/**
 * The member's own occurrence of a daily standup (open for a day): only they read or answer it;
 * everyone else — owner, admin and HR included — is told it does not exist.
 */
async function membersOccurrence({ env, org }: MatrixContext) {
  const { checkin } = await buildCheckin(env, { org, participants: [org.member] });
  const { occurrence } = await buildOccurrence(env, {
    org,
    checkin,
    person: org.member,
    localDate: env.deps.clock.now().toISOString().slice(0, 10),
  });
  const mood = occurrence.questions.find((q) => q.type === "pulse")?.id ?? "";
  const done = occurrence.questions.find((q) => q.type === "text")?.id ?? "";
  return { occurrence, mood, done };
}

export const cases: RouteCase[] = [
  // Everyone has a list of their own (empty here), another organisation's member too.
  { route: "GET /api/v1/checkins/due", expect: everyRole(200) },
  {
    route: "GET /api/v1/checkin-occurrences/:id",
    prepare: async (ctx) => ({
      url: `/api/v1/checkin-occurrences/${(await membersOccurrence(ctx)).occurrence.id}`,
    }),
    expect: membersOwn(200),
  },
  {
    route: "POST /api/v1/checkin-occurrences/:id/answers",
    prepare: async (ctx) => {
      const { occurrence, mood, done } = await membersOccurrence(ctx);
      return {
        url: `/api/v1/checkin-occurrences/${occurrence.id}/answers`,
        body: {
          answers: [
            { questionId: mood, value: 4 },
            { questionId: done, text: "Matrix answer" },
          ],
        },
      };
    },
    expect: membersOwn(201),
    badInput: { wrongType: { field: "answers.0.value", value: "four" }, oversized: "answers.1.text" },
  },
];
