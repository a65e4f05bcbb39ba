import { buildCheckin, buildOccurrence, buildTeam } from "../../../../test/support/build";
import type { TestOrg, TestPerson } from "../../../../test/support/factories";
import { call, type TestEnv } from "../../../../test/support/harness";
import type { CheckinView, QuestionBody } from "../../../contracts/checkins";
import { weekStart } from "../../../core/checkins";
import { addDays, instantToLocal } from "../../../core/time";

/** Test data for the pulse and privacy tests: a team's ritual with a pulse question, answered through the API. */

const QUESTIONS: QuestionBody[] = [
  { type: "pulse", prompt: "How was your week?" },
  { type: "text", prompt: "What went well?" },
  { type: "blocker", prompt: "Anything in your way?" },
];

export interface PulseRitual {
  org: TestOrg;
  checkin: CheckinView;
  /** The team's lead (the organisation's manager unless given). */
  lead: TestPerson;
  /** The organisation's member first, then the others of the team. */
  participants: TestPerson[];
  pulseId: string;
  textId: string;
  blockerId: string;
}

/**
 * A team (led by the organisation's manager unless `lead` is given; its member and `size - 1` more,
 * or `others`, as members) and its ritual, created by the organisation's owner, asking a pulse, a
 * text and a blocker question.
 */
export async function buildPulseRitual(
  env: TestEnv,
  org: TestOrg,
  size = 5,
  given: { lead?: TestPerson; others?: TestPerson[] } = {},
): Promise<PulseRitual> {
  const others = given.others ?? [];
  for (let i = others.length + 1; i < size; i++) others.push(await org.add("member"));
  const lead = given.lead ?? org.manager;
  const participants = [org.member, ...others];
  const { team } = await buildTeam(env, { org, lead, members: participants });
  const { checkin } = await buildCheckin(env, {
    org,
    owner: org.owner,
    team,
    name: "Team health",
    questions: QUESTIONS,
  });
  const idOf = (type: string) => checkin.questions.find((q) => q.type === type)?.id ?? "";
  return {
    org,
    checkin,
    lead,
    participants,
    pulseId: idOf("pulse"),
    textId: idOf("text"),
    blockerId: idOf("blocker"),
  };
}

export interface Answering {
  /** The pulse rating; left out: the pulse question is not answered. */
  pulse?: number;
  /** A comment on the pulse question. */
  comment?: string;
  text?: string;
  blocker?: { text: string; unblocker?: TestPerson };
}

/** Delivers `person` their occurrence on `localDate` and, unless `answers` is null, answers it through the API. */
export async function answerRitual(
  env: TestEnv,
  ritual: PulseRitual,
  person: TestPerson,
  localDate: string,
  answers: Answering | null,
): Promise<string> {
  const { occurrence } = await buildOccurrence(env, {
    org: ritual.org,
    checkin: ritual.checkin,
    person,
    localDate,
  });
  if (!answers) return occurrence.id;
  const body = [
    ...(answers.pulse !== undefined || answers.comment !== undefined
      ? [
          {
            questionId: ritual.pulseId,
            ...(answers.pulse !== undefined ? { value: answers.pulse } : {}),
            ...(answers.comment !== undefined ? { text: answers.comment } : {}),
          },
        ]
      : []),
    ...(answers.text ? [{ questionId: ritual.textId, text: answers.text }] : []),
    ...(answers.blocker
      ? [
          {
            questionId: ritual.blockerId,
            text: answers.blocker.text,
            ...(answers.blocker.unblocker ? { unblockerId: answers.blocker.unblocker.person.id } : {}),
          },
        ]
      : []),
  ];
  const res = await call(env, "POST", `/api/v1/checkin-occurrences/${occurrence.id}/answers`, {
    as: person.caller,
    body: { answers: body },
  });
  if (res.statusCode !== 201) throw new Error(`answering failed: ${res.statusCode} ${res.body}`);
  return occurrence.id;
}

/** Today in London (the test organisations' zone), and the Monday of each week before it. */
export function londonWeeks(env: TestEnv) {
  const today = instantToLocal("Europe/London", env.deps.clock.now().getTime()).date;
  const thisWeek = weekStart(today);
  return { today, thisWeek, weeksAgo: (n: number) => addDays(thisWeek, -7 * n) };
}
