import type { Advice, AdviceInput } from "../../../contracts/agreement";
import { advise } from "../../../core/agreement";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { workingTimeOf } from "../people";
import { getAgreement } from "./agreement.service";

// Reply-by deadlines can need several weeks of a part-timer's hours; look far enough ahead.
const HORIZON_MS = 42 * 86_400_000;

/** The advisor with the effective agreement (team's when given) and the participants' real working time. */
export async function adviseFor(deps: Deps, actor: Actor, input: AdviceInput): Promise<Advice> {
  const at = input.at ? Date.parse(input.at) : Date.now();
  const agreement = await getAgreement(deps, actor, input.teamId);
  const participants = await workingTimeOf(deps.db, actor.organisationId, input.participantIds, {
    start: at,
    end: at + HORIZON_MS,
  });
  return advise(input, { rules: agreement.rules, sources: agreement.sources, participants, at });
}
