import type { Advice, AdviceInput } from "../../../contracts/agreement";
import { advise } from "../../../core/agreement";
import { DAY_MS } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { workingTimeOf } from "../people";
import { suggestSlots } from "../scheduling";
import { getAgreement } from "./agreement.service";

// Reply-by deadlines can need several weeks of a part-timer's hours; look far enough ahead.
const HORIZON_MS = 42 * DAY_MS;
/** A sync answer offers the best times in the week from `at`, everyone required. */
const SLOT_WINDOW_MS = 7 * DAY_MS;
const SUGGESTED_SLOTS = 3;

/** The advisor with the effective agreement (team's when given) and the participants' real working time. */
export async function adviseFor(deps: Deps, actor: Actor, input: AdviceInput): Promise<Advice> {
  const at = input.at ? Date.parse(input.at) : Date.now();
  const agreement = await getAgreement(deps, actor, input.teamId);
  // From a day before `at`, so the slot finder sees where a working day really starts (its edges score).
  const participants = await workingTimeOf(deps.db, actor.organisationId, input.participantIds, {
    start: at - DAY_MS,
    end: at + HORIZON_MS,
  });
  const advice = advise(input, {
    rules: agreement.rules,
    sources: agreement.sources,
    participants,
    authorId: actor.personId,
    at,
  });
  const sync = advice.next.sync;
  if (sync) {
    const window = { start: at, end: at + SLOT_WINDOW_MS };
    const { durationMinutes } = sync;
    sync.slots = await suggestSlots(
      deps.db,
      actor.organisationId,
      participants,
      window,
      durationMinutes,
      SUGGESTED_SLOTS,
      agreement.rules,
    );
  }
  return advice;
}
