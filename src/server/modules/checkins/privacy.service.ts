import type { PrivacySettings } from "../../../contracts/checkins";
import type { Deps } from "../../deps";
import { AppError } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { lockThresholds, saveThresholds, thresholdsOf } from "./privacy.repo";

/**
 * GET /organisation/privacy: any signed-in person reads the thresholds, since pages say them beside
 * every aggregate ("shown for groups of 5 or more").
 */
export function getPrivacy(deps: Deps, actor: Actor): Promise<PrivacySettings> {
  return thresholdsOf(deps.db, actor.organisationId);
}

/**
 * PUT /organisation/privacy (admins). The schema refuses values below 5 and 10; here a value below
 * the current one is refused too, so a group size once raised is never lowered again (people were
 * told their answers are shown only in groups that large). Two changes at once take turns on the
 * organisation's lock, so neither can undo the other's raise. Audited with the old and new values.
 */
export async function setPrivacy(
  deps: Deps,
  actor: Actor,
  input: PrivacySettings,
  ip?: string,
): Promise<PrivacySettings> {
  authorize(actor, "privacy.settings");
  return deps.db.transaction(async (tx) => {
    await lockThresholds(tx, actor.organisationId);
    const current = await thresholdsOf(tx, actor.organisationId);
    const lowered = (["minGroupSize", "minTextGroupSize"] as const)
      .filter((field) => input[field] < current[field])
      .map((field) => ({ path: field, message: `may be raised but never lowered: it is ${current[field]}` }));
    if (lowered.length > 0)
      throw new AppError("validation_failed", lowered.map((f) => `${f.path}: ${f.message}`).join("; "), {
        fields: lowered,
      });
    if (input.minGroupSize === current.minGroupSize && input.minTextGroupSize === current.minTextGroupSize)
      return current;
    const next = { minGroupSize: input.minGroupSize, minTextGroupSize: input.minTextGroupSize };
    await saveThresholds(tx, actor.organisationId, next, deps.clock.now());
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "privacy.thresholds_changed",
      targetType: "organisation",
      targetId: actor.organisationId,
      data: { from: current, to: next },
      ip,
    });
    return next;
  });
}
