import type { UpdateKind } from "../../../contracts/updates";
import { plural } from "../../../core/agreement";
import { dayWords } from "../../../core/meetings";
import { formatTimeOfDay, instantToLocal } from "../../../core/time";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { type Notification, notify } from "../notifications";
import { nameOf } from "../people";
import { recipientsOf, type UpdateRow } from "./update-access";

/** A required responder as the notification speaks to them: their zone and their own reply-by. */
export interface AskedResponder {
  timeZone: string;
  replyBy: number | null;
}

const KIND_WORDS: Record<UpdateKind, string> = {
  status: "a status update",
  proposal: "a proposal",
  question: "a question",
  announcement: "an announcement",
  recap: "a meeting recap",
  video: "a video update",
  checkin_digest: "a check-in digest",
};

/** "17:00 on Friday 11 December in Asia/Tokyo": an instant on the recipient's own clock. */
export function theirInstant(timeZone: string, at: number): string {
  const local = instantToLocal(timeZone, at);
  return `${formatTimeOfDay(local.minutes)} on ${dayWords(local.date)} in ${timeZone}`;
}

/**
 * Tells an update's people (never its author) that it was posted, in the caller's transaction, one
 * notice each: required responders are asked to reply by their own deadline (in their zone),
 * people @mentioned are told so, everyone else that it was posted. A mention of someone outside the
 * audience notifies nobody: the link would answer them 404, and the title is not theirs to read.
 * Webhooks leave the organisation, so they get a pointer, never the text.
 */
export async function tellAboutPost(
  tx: Executor,
  deps: Pick<Deps, "jobs" | "events" | "clock" | "config">,
  update: UpdateRow,
  asked: ReadonlyMap<string, AskedResponder>,
  mentioned: readonly string[],
  hours: number,
): Promise<void> {
  const recipients = (await recipientsOf(tx, update)).filter((id) => id !== update.authorId);
  if (recipients.length === 0) return;
  const by = await nameOf(tx, update.organisationId, update.authorId);
  const title = update.title;
  const link = `/updates/${update.id}`;
  const base: Omit<Notification, "recipients" | "kind" | "subject" | "body"> = {
    organisationId: update.organisationId,
    link,
    objectRef: { type: "update", id: update.id },
    urgent: update.urgency === "urgent",
    actorId: update.authorId,
    teamId: update.audienceTeamId,
    webhookBody: `${by} posted ${KIND_WORDS[update.kind]}: read it in Tandem at ${link}.`,
  };
  const mentionedSet = new Set(mentioned);
  const responders = recipients.filter((id) => asked.has(id));
  const named = recipients.filter((id) => !asked.has(id) && mentionedSet.has(id));
  const others = recipients.filter((id) => !asked.has(id) && !mentionedSet.has(id));

  if (others.length > 0)
    await notify(tx, deps, {
      ...base,
      recipients: others,
      kind: "update.posted",
      subject: `${by} posted "${title}"`,
      body: `**${by}** posted ${KIND_WORDS[update.kind]}: **${title}**.`,
    });
  if (named.length > 0)
    await notify(tx, deps, {
      ...base,
      recipients: named,
      kind: "update.mentioned",
      subject: `${by} mentioned you in "${title}"`,
      body: `**${by}** mentioned you in ${KIND_WORDS[update.kind]}: **${title}**.`,
    });
  // One notice per wording: responders in one zone with the same reply-by read the same sentence.
  const byWording = new Map<string, string[]>();
  for (const id of responders) {
    const { timeZone, replyBy } = asked.get(id) as AskedResponder;
    const when =
      replyBy === null
        ? `There is no reply-by: you have less than ${plural(hours, "working hour")} in the next 30 days.`
        : `Reply by ${theirInstant(timeZone, replyBy)}.`;
    byWording.set(when, [...(byWording.get(when) ?? []), id]);
  }
  for (const [when, ids] of byWording)
    await notify(tx, deps, {
      ...base,
      recipients: ids,
      kind: "update.reply_requested",
      subject: `${by} asks for your reply: "${title}"`,
      body: `**${by}** asks for your reply to ${KIND_WORDS[update.kind]}: **${title}**. ${when}`,
    });
}
