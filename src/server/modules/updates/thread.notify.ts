import { and, eq, ne } from "drizzle-orm";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notify } from "../notifications";
import { mentionedIn } from "./mentions";
import { recipientsOf, type UpdateRow } from "./update-access";
import { updateComments } from "./updates.table";

type CommentRow = typeof updateComments.$inferSelect;

/**
 * Tells people of a new comment: those it @mentions get `update.mentioned`; the author and earlier
 * commenters get `update.commented`; never the commenter. Only people the update is addressed to
 * (active, able to open it) hear anything: mentioning someone outside the audience tells them nothing.
 * The text stays out of the message — a pointer, as the outbox is readable by admins and webhooks
 * leave the organisation, while a thread is for its audience only.
 */
export async function notifyComment(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  update: UpdateRow,
  comment: CommentRow,
  commenterName: string,
): Promise<void> {
  const [audience, mentioned, earlier] = await Promise.all([
    recipientsOf(tx, update),
    mentionedIn(tx, update.organisationId, comment.body),
    tx
      .selectDistinct({ id: updateComments.authorId })
      .from(updateComments)
      .where(
        and(
          eq(updateComments.organisationId, update.organisationId),
          eq(updateComments.updateId, update.id),
          ne(updateComments.id, comment.id),
        ),
      ),
  ]);
  const canHear = new Set(audience.filter((id) => id !== comment.authorId));
  const mentions = new Set(mentioned.filter((id) => canHear.has(id)));
  const followers = [update.authorId, ...earlier.map((r) => r.id)].filter(
    (id) => canHear.has(id) && !mentions.has(id),
  );
  const common = {
    organisationId: update.organisationId,
    link: `/updates/${update.id}`,
    objectRef: { type: "update", id: update.id },
    actorId: comment.authorId,
    teamId: update.audienceTeamId,
    webhookBody: "A thread has a new comment; open it in Tandem.",
  };
  if (mentions.size > 0) {
    await notify(tx, deps, {
      ...common,
      recipients: [...mentions],
      kind: "update.mentioned",
      subject: `${commenterName} mentioned you on “${update.title}”`,
      body: `${commenterName} mentioned you in a comment on “${update.title}”. Open the thread to read it.`,
    });
  }
  if (followers.length > 0) {
    await notify(tx, deps, {
      ...common,
      recipients: followers,
      kind: "update.commented",
      subject: `New comment on “${update.title}”`,
      body: `${commenterName} commented on “${update.title}”. Open the thread to read it.`,
    });
  }
}
