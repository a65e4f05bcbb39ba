import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notify } from "../notifications";
import { people } from "../people/people.table";
import { theirInstant } from "./updates.notify";
import { updateResponders, updates } from "./updates.table";

type Which = "early" | "late";
interface Claimed {
  updateId: string;
  personId: string;
  replyBy: Date | null;
}

const r = updateResponders;
const unanswered = isNull(r.answeredAt);
const dueEarly = (now: Date) => and(unanswered, lte(r.remindAt, now), isNull(r.remindedAt));
const dueLate = (now: Date) => and(unanswered, lte(r.lateRemindAt, now), isNull(r.lateRemindedAt));

/**
 * Claims the responders of one organisation whose reminder is due, marking it sent in the same
 * UPDATE … RETURNING, so two sweeps at once (or one run twice) never remind anyone twice. The late
 * reminder is claimed first and marks the first one too: someone whose 50% and 90% both passed since
 * the last sweep is told once, that it is due soon.
 */
async function claim(tx: Executor, organisationId: string, which: Which, now: Date): Promise<Claimed[]> {
  const set =
    which === "late"
      ? { lateRemindedAt: now, remindedAt: sql`coalesce(${r.remindedAt}, ${now})` }
      : { remindedAt: now };
  return tx
    .update(r)
    .set(set)
    .where(and(eq(r.organisationId, organisationId), which === "late" ? dueLate(now) : dueEarly(now)))
    .returning({ updateId: r.updateId, personId: r.personId, replyBy: r.replyBy });
}

/**
 * Sends the claimed reminders: one `notify` per update, kind of reminder and wording (responders in
 * one zone with the same reply-by read the same sentence). A reminder of a closed update, of an
 * inactive person, or whose reply-by has already passed (a sweep that did not run for a while) is
 * claimed but not sent: the stall sweep speaks for a passed reply-by.
 */
async function send(
  tx: Executor,
  deps: Deps,
  organisationId: string,
  which: Which,
  claimed: Claimed[],
  now: Date,
) {
  if (claimed.length === 0) return;
  const threads = await tx
    .select({ id: updates.id, title: updates.title, closedAt: updates.closedAt, author: people.name })
    .from(updates)
    .innerJoin(people, eq(people.id, updates.authorId))
    .where(
      and(
        eq(updates.organisationId, organisationId),
        inArray(updates.id, [...new Set(claimed.map((c) => c.updateId))]),
      ),
    );
  const persons = await tx
    .select({ id: people.id, timeZone: people.timeZone })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        eq(people.active, true),
        inArray(people.id, [...new Set(claimed.map((c) => c.personId))]),
      ),
    );
  const zones = new Map(persons.map((p) => [p.id, p.timeZone]));
  const byThread = new Map(threads.map((t) => [t.id, t]));
  const batches = new Map<string, { updateId: string; when: string; recipients: string[] }>();
  for (const c of claimed) {
    const thread = byThread.get(c.updateId);
    const zone = zones.get(c.personId);
    if (!thread || thread.closedAt || !zone || !c.replyBy || c.replyBy <= now) continue;
    const when = theirInstant(zone, c.replyBy.getTime());
    const key = `${c.updateId} ${when}`;
    const batch = batches.get(key) ?? { updateId: c.updateId, when, recipients: [] };
    batch.recipients.push(c.personId);
    batches.set(key, batch);
  }
  for (const { updateId, when, recipients } of batches.values()) {
    const thread = byThread.get(updateId);
    if (!thread) continue;
    const link = `/updates/${updateId}`;
    await notify(tx, deps, {
      organisationId,
      recipients,
      kind: "update.reply_reminder",
      subject:
        which === "late"
          ? `Reminder: your reply to "${thread.title}" is due soon, by ${when}`
          : `Reminder: reply to "${thread.title}" by ${when}`,
      body:
        `**${thread.author}** asks for your reply to **${thread.title}** by ${when}` +
        `${which === "late" ? ", which is soon" : ""}. Answer, comment or acknowledge it on the thread.`,
      webhookBody: `A reply is due: read it in Tandem at ${link}.`,
      link,
      objectRef: { type: "update", id: updateId },
    });
  }
}

/**
 * The reply-by reminders (`remind-reply-by`): each required responder who has not answered is
 * reminded at about 50% and 90% of their own working time to their reply-by (`remind_at`,
 * `late_remind_at`, set inside their working hours when the update was posted), once each.
 * One transaction per organisation. Answers how many reminders were claimed.
 */
export async function remindReplyBy(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const orgs = await deps.db
    .selectDistinct({ id: r.organisationId })
    .from(r)
    .where(or(dueEarly(now), dueLate(now)));
  let claimed = 0;
  for (const { id } of orgs) {
    claimed += await deps.db.transaction(async (tx) => {
      const late = await claim(tx, id, "late", now);
      const early = await claim(tx, id, "early", now);
      await send(tx, deps, id, "late", late, now);
      await send(tx, deps, id, "early", early, now);
      return late.length + early.length;
    });
  }
  return claimed;
}
