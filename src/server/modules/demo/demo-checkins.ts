import { and, asc, eq, lte } from "drizzle-orm";
import type { AnswerBody, AskedQuestion } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import {
  answerOccurrence,
  checkinOccurrences,
  createCheckin,
  deliverCheckins,
  postDueDigests,
} from "../checkins";
import type { DemoCast } from "./demo-meetings";

const email = (first: string) => `${first}@northwind.example`;
const HOUR_MS = 3_600_000;
/** Three weeks of history: enough weeks of the team health check for a trend. */
const HISTORY_DAYS = 22;
/** Every window is at least a day long, so sweeping every six hours delivers every occurrence. */
const SWEEP_STEP_MS = 6 * HOUR_MS;

const DONE = [
  "Finished the retry logic for the sync job",
  "Reviewed two pull requests and paired on the flaky test",
  "Wrote the migration plan for the reports table",
  "Closed three support escalations",
  "Shipped the onboarding survey behind a flag",
];
const NEXT = [
  "Load-test the new queue",
  "Draft the incident review",
  "Pair with the Sydney folks on the handover doc",
  "Finish the API pagination change",
  "Write the async update for the roadmap",
];
const SOCIAL = [
  "Finally tried making pasta from scratch",
  "A long walk by the river, no phone",
  "Teaching my kid to ride a bike",
  "Re-reading an old favourite novel",
  "Found a great ramen place near the office",
];

/** A small deterministic spread (no randomness: the demo is the same every time). */
const pick = <T>(items: readonly T[], n: number): T => items[Math.abs(n) % items.length] as T;

/**
 * Check-ins with three weeks of history, made by the checkins module's own sweeps with the clock set
 * back: Platform's daily standup and weekly team health (five people, so the pulse trend shows),
 * Product's standup (four people: its pulse stays behind "shown for groups of 5 or more"), and
 * Customer Success's weekly social question. Everyone answers most days at their own morning; Tom is
 * blocked and names Olivia (the demo's owner sees it on Home), Priya names Marcus. Closed dates get their
 * digests in the feed; today's occurrences stay open to answer.
 */
export async function seedCheckins(deps: Deps, cast: DemoCast): Promise<number> {
  const now = deps.clock.now().getTime();
  const at = (instant: number): Deps => ({ ...deps, clock: { now: () => new Date(instant) } });
  const start = now - HISTORY_DAYS * 24 * HOUR_MS;
  const by = (first: string) => cast.actor(email(first));
  const rituals = [
    await createCheckin(at(start), by("arjun"), {
      teamId: cast.teamId("Platform"),
      templateId: "daily_standup",
    }),
    await createCheckin(at(start), by("arjun"), {
      teamId: cast.teamId("Platform"),
      templateId: "team_health",
      name: "Platform health",
    }),
    await createCheckin(at(start), by("marcus"), {
      teamId: cast.teamId("Product"),
      templateId: "daily_standup",
      name: "Product standup",
    }),
    await createCheckin(at(start), by("chloe"), {
      teamId: cast.teamId("Customer Success"),
      templateId: "social_question",
    }),
  ];
  for (let sweep = start; sweep <= now; sweep += SWEEP_STEP_MS) await deliverCheckins(at(sweep));
  await deliverCheckins(at(now));

  const delivered = await deps.db
    .select()
    .from(checkinOccurrences)
    .where(
      and(
        eq(checkinOccurrences.organisationId, by("arjun").organisationId),
        lte(checkinOccurrences.deliveredAt, new Date(now)),
      ),
    )
    .orderBy(asc(checkinOccurrences.deliveredAt));
  const actorOf = new Map<string, Actor>();
  for (const first of [
    "arjun",
    "priya",
    "tom",
    "kenji",
    "fatima",
    "marcus",
    "elena",
    "rafael",
    "chloe",
    "sofia",
    "liam",
    "aroha",
    "hannah",
  ])
    actorOf.set(cast.id(email(first)), by(first));
  actorOf.set(cast.id(email("olivia")), cast.actor(email("olivia")));
  const closed = delivered.filter((o) => o.closesAt.getTime() <= now);
  // The story's blockers: on Tom's and Priya's latest closed standups, naming Olivia and Marcus.
  const blockers = new Map<string, { text: string; unblockerId: string }>();
  for (const [first, text, unblocker] of STORY_BLOCKERS) {
    const last = closed
      .filter((o) => o.checkinId === rituals[0]?.id && o.personId === cast.id(email(first)))
      .at(-1);
    if (last) blockers.set(last.id, { text, unblockerId: cast.id(email(unblocker)) });
  }
  for (const [index, occurrence] of closed.entries()) {
    const actor = actorOf.get(occurrence.personId);
    // One in seven standups went unanswered (never a story blocker's; everyone answers the health
    // check, so its trend shows); today's stay open to answer.
    const skipped =
      index % 7 === 3 && occurrence.checkinId !== rituals[1]?.id && !blockers.has(occurrence.id);
    if (!actor || skipped) continue;
    const answers = answersFor(occurrence.questions, index, blockers.get(occurrence.id));
    if (answers.length === 0) continue;
    const when = Math.min(occurrence.deliveredAt.getTime() + HOUR_MS, occurrence.closesAt.getTime() - 1);
    await answerOccurrence(at(when), actor, occurrence.id, { answers });
  }
  await postDueDigests(at(now));
  return rituals.length;
}

const STORY_BLOCKERS = [
  ["tom", "Need sign-off on the Q1 roadmap before I can plan the migration", "olivia"],
  ["priya", "Waiting on the staging database credentials", "marcus"],
] as const;

/** One person's answers on one date: varied text, moods mostly 3–5, and a story blocker if it is theirs. */
function answersFor(
  questions: readonly AskedQuestion[],
  seed: number,
  blocker: { text: string; unblockerId: string } | undefined,
): AnswerBody["answers"] {
  return questions.flatMap((question, index): AnswerBody["answers"] => {
    const n = seed + index;
    const questionId = question.id;
    switch (question.type) {
      case "text": {
        const texts = question.prompt.includes("today")
          ? NEXT
          : question.prompt.includes("done")
            ? DONE
            : SOCIAL;
        return [{ questionId, text: pick(texts, n) }];
      }
      case "scale":
      case "pulse":
        return [{ questionId, value: 3 + (n % 3) }];
      case "yes_no":
        return [{ questionId, value: n % 4 !== 0 }];
      case "blocker":
        return blocker ? [{ questionId, ...blocker }] : [];
      default:
        return [];
    }
  });
}
