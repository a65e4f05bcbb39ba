import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { PreviewView, previewBody } from "../../../contracts/checkins";
import { nextDelivery } from "../../../core/checkins";
import { DAY_MS, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Actor } from "../../platform/http/actor";
import { activePeopleOf, people, workingTimeProfilesOf } from "../people";
import { teamMembers } from "../teams";
import { assertMayCreateFor } from "./checkins.service";

/** How far ahead the preview looks for each participant's next delivery. */
const HORIZON_DAYS = 14;
/** The window does not move a delivery; the preview only needs one for the timing's shape. */
const ANY_WINDOW_HOURS = 24;

/**
 * POST /checkins/preview: for each participant (the team's active members and the named active
 * people), their zone and the next delivery from now — the wall-clock time in their own zone, so
 * 09:30 is a different instant in London and in Sydney. Anyone who may create a ritual for that team
 * may ask; it writes nothing.
 */
export async function previewCheckin(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof previewBody>,
): Promise<PreviewView> {
  await assertMayCreateFor(deps.db, actor, input.teamId);
  const named = [...new Set(input.participantIds ?? [])];
  await activePeopleOf(deps.db, actor.organisationId, named, "participantIds");
  const members = input.teamId
    ? await deps.db
        .select({ id: people.id })
        .from(teamMembers)
        .innerJoin(people, eq(people.id, teamMembers.personId))
        .where(
          and(
            eq(teamMembers.organisationId, actor.organisationId),
            eq(teamMembers.teamId, input.teamId),
            eq(people.active, true),
          ),
        )
    : [];
  const ids = [...new Set([...members.map((m) => m.id), ...named])];
  const now = deps.clock.now().getTime();
  const window = { start: now - DAY_MS, end: now + (HORIZON_DAYS + 1) * DAY_MS };
  const profiles = await workingTimeProfilesOf(deps.db, actor.organisationId, ids, window);
  const ritual = { schedule: input.schedule, windowHours: ANY_WINDOW_HOURS };
  const deliveries = [...profiles.values()]
    .sort((a, b) => a.person.name.localeCompare(b.person.name) || a.person.id.localeCompare(b.person.id))
    .map(({ person, profile }) => {
      const next = nextDelivery(profile, ritual, now, HORIZON_DAYS);
      return {
        person: { id: person.id, name: person.name },
        timeZone: next?.timeZone ?? person.timeZone,
        localDate: next?.localDate ?? instantToLocal(person.timeZone, now).date,
        at: next ? new Date(next.deliverAt).toISOString() : null,
      };
    });
  return { deliveries };
}
