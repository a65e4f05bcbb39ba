import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { publishUpdateChanged } from "./update-access";
import { updateAudience, updates } from "./updates.table";

export interface CheckinDigestPost {
  organisationId: string;
  /** The ritual's owner: the digest is posted in their name. */
  authorId: string;
  title: string;
  /** The digest as markdown. */
  body: string;
  /** The ritual's team: the digest is addressed to it. */
  teamId: string | null;
  /** Participants it is addressed to by name (those outside the team, or all of them without one). */
  personIds: readonly string[];
}

/** An update's title holds at most this many characters (the contract's limit). */
const TITLE_MAX = 200;
const clip = (text: string) => (text.length <= TITLE_MAX ? text : `${text.slice(0, TITLE_MAX - 1)}…`);

/**
 * Called by the check-ins module when a ritual's date closes, in its transaction: the digest as an
 * update of kind `checkin_digest` (a kind people cannot post themselves, so not through `createUpdate`)
 * addressed to the ritual's team and named participants. No notification here: the check-ins module
 * tells the participants itself (`checkin.digest`). Answers the update's id.
 */
export async function postCheckinDigest(
  tx: Executor,
  deps: Pick<Deps, "events" | "clock">,
  post: CheckinDigestPost,
): Promise<string> {
  const [update] = await tx
    .insert(updates)
    .values({
      organisationId: post.organisationId,
      kind: "checkin_digest",
      authorId: post.authorId,
      title: clip(post.title),
      body: post.body,
      audienceTeamId: post.teamId,
      createdAt: deps.clock.now(),
    })
    .returning();
  if (!update) throw new Error("insert returned no row");
  const named = [...new Set(post.personIds)].filter((id) => id !== post.authorId);
  if (named.length > 0)
    await tx
      .insert(updateAudience)
      .values(
        named.map((personId) => ({ updateId: update.id, organisationId: update.organisationId, personId })),
      );
  await publishUpdateChanged(tx, deps, update);
  return update.id;
}
