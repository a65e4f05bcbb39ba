import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { insightsChangedJob } from "../../../contracts/insights";
import type {
  CommentView,
  commentBody,
  LogDecisionView,
  REACTIONS,
  responseBody,
  updateDecisionBody,
} from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict, invalid } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { type References, resolveReferences } from "../documents";
import { nameOf } from "../people";
import { recordingViews } from "../recordings";
import { recordDecision } from "./decide";
import { type ReactionView, reactionsOf } from "./detail.repo";
import { notifyComment } from "./thread.notify";
import { publishUpdateChanged, type UpdateAccess, type UpdateRow, updateFor } from "./update-access";
import {
  updateAcknowledgements,
  updateComments,
  updateReactions,
  updateResponders,
  updateResponses,
} from "./updates.table";

type CommentRow = typeof updateComments.$inferSelect;

const presentComment = (row: CommentRow, authorName: string, references: References): CommentView => ({
  id: row.id,
  parentId: row.parentId,
  authorId: row.authorId,
  authorName,
  body: row.body,
  html: renderMarkdown(row.body, references),
  createdAt: row.createdAt.toISOString(),
  atMs: row.atMs,
});

/** 409 once the thread is closed (its decision recorded): `what` says what it no longer takes. */
function assertOpen(update: UpdateRow, what: string): void {
  if (update.closedAt) throw conflict(`This thread is closed, so it takes no more ${what}.`);
}

/**
 * A required responder has answered: the first comment, "Got it" or answer counts (kept from then).
 * Insights recompute the person's week (a reply to being asked or @mentioned).
 */
async function markAnswered(tx: Executor, deps: Deps, update: UpdateRow, personId: string, at: Date) {
  const span = { from: at.toISOString(), to: new Date(at.getTime() + 1).toISOString() };
  const { organisationId } = update;
  await deps.jobs.send(tx, insightsChangedJob, { organisationId, personIds: [personId], ...span });
  await tx
    .update(updateResponders)
    .set({ answeredAt: sql`coalesce(${updateResponders.answeredAt}, ${at})` })
    .where(
      and(
        eq(updateResponders.organisationId, update.organisationId),
        eq(updateResponders.updateId, update.id),
        eq(updateResponders.personId, personId),
      ),
    );
}

/**
 * Adds a comment (`update.contribute`, open threads only). A reply's parent must be a top-level
 * comment of the same thread: one level of replies, like Basecamp.
 */
export async function addComment(
  deps: Deps,
  actor: Actor,
  updateId: string,
  input: z.infer<typeof commentBody>,
): Promise<CommentView> {
  return deps.db.transaction(async (tx) => {
    const { update } = await updateFor(tx, actor, updateId, "update.contribute", { forUpdate: true });
    assertOpen(update, "comments");
    if (input.parentId) await assertTopLevel(tx, update, input.parentId);
    if (input.atMs !== undefined) await assertMoment(tx, update, input.atMs);
    const now = deps.clock.now();
    const [row] = await tx
      .insert(updateComments)
      .values({
        updateId,
        organisationId: actor.organisationId,
        parentId: input.parentId ?? null,
        authorId: actor.personId,
        body: input.body,
        atMs: input.atMs ?? null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await markAnswered(tx, deps, update, actor.personId, now);
    const authorName = await nameOf(tx, actor.organisationId, actor.personId);
    await notifyComment(tx, deps, update, row, authorName);
    const references = await resolveReferences(tx, actor, [row.body], deps.config.publicUrl);
    await publishUpdateChanged(tx, deps, update);
    return presentComment(row, authorName, references);
  });
}

async function assertTopLevel(tx: Executor, update: UpdateRow, parentId: string): Promise<void> {
  const [parent] = await tx
    .select({ parentId: updateComments.parentId })
    .from(updateComments)
    .where(
      and(
        eq(updateComments.organisationId, update.organisationId),
        eq(updateComments.updateId, update.id),
        eq(updateComments.id, parentId),
      ),
    );
  if (!parent) throw invalid("parentId", "must be a comment of this thread");
  if (parent.parentId !== null) {
    throw invalid("parentId", "replies go one level deep; reply to the first comment of this thread");
  }
}

/** m:ss (h:mm:ss from an hour), as a player shows a time. */
function clockTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A timed comment points at a moment of the thread's video: 400 on any other update, or past its end. */
async function assertMoment(tx: Executor, update: UpdateRow, atMs: number): Promise<void> {
  const recording = update.recordingId
    ? (await recordingViews(tx, update.organisationId, [update.recordingId])).get(update.recordingId)
    : undefined;
  if (update.kind !== "video" || !recording)
    throw invalid("atMs", "only a comment on a video can point at a moment");
  if (recording.durationMs !== null && atMs > recording.durationMs)
    throw invalid("atMs", `is after the end; the video is only ${clockTime(recording.durationMs)} long`);
}

/** Adds the actor's reaction, or removes it when they had already given this emoji (a toggle). */
export async function toggleReaction(
  deps: Deps,
  actor: Actor,
  updateId: string,
  emoji: (typeof REACTIONS)[number],
): Promise<ReactionView[]> {
  return deps.db.transaction(async (tx) => {
    const { update } = await updateFor(tx, actor, updateId, "update.contribute", { forUpdate: true });
    const mine = and(
      eq(updateReactions.organisationId, actor.organisationId),
      eq(updateReactions.updateId, updateId),
      eq(updateReactions.personId, actor.personId),
      eq(updateReactions.emoji, emoji),
    );
    const removed = await tx.delete(updateReactions).where(mine).returning({ emoji: updateReactions.emoji });
    if (removed.length === 0) {
      await tx.insert(updateReactions).values({
        updateId,
        organisationId: actor.organisationId,
        personId: actor.personId,
        emoji,
        at: deps.clock.now(),
      });
    }
    const reactions = await reactionsOf(
      tx,
      { organisationId: actor.organisationId, updateId },
      actor.personId,
    );
    await publishUpdateChanged(tx, deps, update);
    return reactions;
  });
}

/** "Got it": once per person (again changes nothing); answers for a required responder. */
export async function acknowledge(deps: Deps, actor: Actor, updateId: string): Promise<UpdateAccess> {
  return deps.db.transaction(async (tx) => {
    const access = await updateFor(tx, actor, updateId, "update.contribute", { forUpdate: true });
    const now = deps.clock.now();
    const added = await tx
      .insert(updateAcknowledgements)
      .values({ updateId, organisationId: actor.organisationId, personId: actor.personId, at: now })
      .onConflictDoNothing()
      .returning({ at: updateAcknowledgements.at });
    await markAnswered(tx, deps, access.update, actor.personId, now);
    if (added.length > 0) await publishUpdateChanged(tx, deps, access.update);
    return access;
  });
}

/** A proposal's answer (agree, disagree, abstain): one per person, replaced by answering again; open proposals only. */
export async function respond(
  deps: Deps,
  actor: Actor,
  updateId: string,
  input: z.infer<typeof responseBody>,
): Promise<UpdateAccess> {
  return deps.db.transaction(async (tx) => {
    const access = await updateFor(tx, actor, updateId, "update.contribute", { forUpdate: true });
    const { update } = access;
    if (update.kind !== "proposal") {
      throw conflict(
        `Only a proposal takes agree, disagree or abstain answers; this update is a ${update.kind}.`,
      );
    }
    assertOpen(update, "answers");
    const now = deps.clock.now();
    const answer = { stance: input.stance, comment: input.comment?.trim() || null, at: now };
    await tx
      .insert(updateResponses)
      .values({ updateId, organisationId: actor.organisationId, personId: actor.personId, ...answer })
      .onConflictDoUpdate({ target: [updateResponses.updateId, updateResponses.personId], set: answer });
    await markAnswered(tx, deps, update, actor.personId, now);
    await publishUpdateChanged(tx, deps, update);
    return access;
  });
}

/** Records the thread's decision (`update.decide`: its author or a lead); see {@link recordDecision}. */
export async function decide(
  deps: Deps,
  actor: Actor,
  updateId: string,
  input: z.infer<typeof updateDecisionBody>,
): Promise<LogDecisionView> {
  return deps.db.transaction(async (tx) => {
    const { update } = await updateFor(tx, actor, updateId, "update.decide", { forUpdate: true });
    return recordDecision(tx, deps, update, {
      text: input.text,
      supersedes: input.supersedes,
      by: actor.personId,
    });
  });
}
