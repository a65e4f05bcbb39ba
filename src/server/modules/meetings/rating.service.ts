import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ratingBody, ratingView } from "../../../contracts/meetings";
import type { Deps } from "../../deps";
import { conflict } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { assertNotCancelled, meetingFor, publishMeetingChanged } from "./meeting-access";
import { ratingPart } from "./meetings.present";
import { meetingRatings } from "./meetings.table";

export type RatingView = z.infer<typeof ratingView>;

/**
 * An attendee's "worth it?" answer (`meeting.rate`), once the meeting has ended or been completed;
 * answering again replaces the earlier answer (`created: false`). 409 before the end, for a
 * cancelled meeting, and for someone who declined it.
 */
export async function rateMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  input: z.infer<typeof ratingBody>,
): Promise<{ rating: RatingView; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    const access = await meetingFor(tx, actor, meetingId, "meeting.rate");
    const { meeting } = access;
    const now = deps.clock.now();
    assertNotCancelled(meeting, "there is nothing to rate");
    if (meeting.status !== "completed" && now < meeting.endAt)
      throw conflict("This meeting has not ended yet: you can rate it once it is over.");
    if (access.mine?.rsvp === "no") throw conflict("You declined this meeting, so there is nothing to rate.");
    const [before] = await tx
      .select({ personId: meetingRatings.personId })
      .from(meetingRatings)
      .where(and(eq(meetingRatings.meetingId, meetingId), eq(meetingRatings.personId, actor.personId)));
    const answer = { worthIt: input.worthIt, couldBeAsync: input.couldBeAsync, createdAt: now };
    await tx
      .insert(meetingRatings)
      .values({ meetingId, personId: actor.personId, organisationId: actor.organisationId, ...answer })
      .onConflictDoUpdate({ target: [meetingRatings.meetingId, meetingRatings.personId], set: answer });
    await publishMeetingChanged(tx, deps, access);
    return { rating: await ratingPart(tx, meeting, actor.personId), created: before === undefined };
  });
}
