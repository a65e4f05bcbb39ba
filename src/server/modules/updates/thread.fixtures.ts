import { buildUpdate } from "../../../../test/support/build";
import type { TestOrg, TestPerson } from "../../../../test/support/factories";
import type { TestEnv } from "../../../../test/support/harness";
import type { POSTABLE_KINDS } from "../../../contracts/updates";

/**
 * A thread for the thread and decision-log tests, posted through the service (`buildUpdate`): a
 * proposal by the member, to the whole organisation unless a team or people are named (required
 * responders come on top of the audience).
 */
export async function buildThread(
  env: TestEnv,
  org: TestOrg,
  given: {
    author?: TestPerson;
    kind?: (typeof POSTABLE_KINDS)[number];
    title?: string;
    teamId?: string;
    people?: TestPerson[];
    responders?: TestPerson[];
  } = {},
) {
  const named = given.people !== undefined || given.teamId !== undefined;
  const { update } = await buildUpdate(env, {
    org,
    author: given.author ?? org.member,
    kind: given.kind ?? "proposal",
    title: given.title ?? "Move the stand-up to 10:00",
    body: "What do you think?",
    audience: named
      ? {
          ...(given.teamId ? { teamId: given.teamId } : {}),
          ...(given.people ? { personIds: given.people.map((p) => p.person.id) } : {}),
        }
      : { organisation: true },
    ...(given.responders ? { responders: given.responders } : {}),
  });
  return update;
}
