import { and, eq } from "drizzle-orm";
import { updateChanged } from "../../../contracts/events";
import type {
  PatchUpdateBody,
  UpdateListQuery,
  UpdateSummaryView,
  UpdateView,
} from "../../../contracts/updates";
import { may } from "../../../core/access";
import type { Deps } from "../../deps";
import { conflict, invalid, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { releaseRecordings } from "../recordings";
import { decodeCursor, encodeCursor } from "./feed-cursor";
import { publishUpdateChanged, recipientsOf, updateFor } from "./update-access";
import { assertLinks } from "./updates.checks";
import { presentUpdate } from "./updates.present";
import { feedRows } from "./updates.repo";
import { presentSummaries } from "./updates.summary";
import { updateLinks, updateSeen, updates, updateVersions } from "./updates.table";

const DEFAULT_PAGE = 20;

/** GET /updates: the viewer's feed (or a team's), newest first, only what they may open. */
export async function listUpdates(
  deps: Deps,
  actor: Actor,
  query: UpdateListQuery,
): Promise<{ updates: UpdateSummaryView[]; nextCursor: string | null }> {
  if (query.feed === "team" && !query.teamId)
    throw invalid("teamId", "is needed for a team feed: choose a team");
  const limit = query.limit ?? DEFAULT_PAGE;
  const now = deps.clock.now();
  const rows = await feedRows(deps.db, {
    organisationId: actor.organisationId,
    viewerId: actor.personId,
    now,
    teamId: query.teamId,
    kind: query.kind,
    needsMyReply: query.needsMyReply,
    overdue: query.overdue,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    updates: await presentSummaries(
      deps.db,
      actor,
      page.map((r) => r.update),
      now,
    ),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ createdAt: last.key, id: last.update.id }) : null,
  };
}

/** GET /updates/:id. Never writes: opening is recorded by POST …/seen. */
export async function getUpdate(deps: Deps, actor: Actor, id: string): Promise<UpdateView> {
  return presentUpdate(deps.db, deps, actor, await updateFor(deps.db, actor, id));
}

/**
 * PATCH /updates/:id (author only). A change of title or body keeps the text it replaces as a
 * version. A change of urgency or decision deadline recomputes nothing already sent: responders were
 * given their reply-by when asked, and moving it under them would be unfair either way.
 */
export async function patchUpdate(deps: Deps, actor: Actor, id: string, patch: PatchUpdateBody) {
  const updated = await deps.db.transaction(async (tx) => {
    const { update } = await updateFor(tx, actor, id, "update.edit", { forUpdate: true });
    if (update.closedAt) throw conflict("This thread is closed, so it can no longer be edited.");
    if (patch.decisionDue && update.kind !== "proposal")
      throw invalid("decisionDue", "only a proposal has a decision deadline");
    if (patch.links) await assertLinks(tx, actor, patch.links);
    const now = deps.clock.now();
    const title = patch.title ?? update.title;
    const body = patch.body ?? update.body;
    const textChanged = title !== update.title || body !== update.body;
    if (textChanged)
      await tx.insert(updateVersions).values({
        updateId: update.id,
        organisationId: update.organisationId,
        version: update.version,
        title: update.title,
        body: update.body,
        editedBy: actor.personId,
        at: now,
      });
    if (patch.links) {
      const ids = { updateId: update.id, organisationId: update.organisationId };
      await tx
        .delete(updateLinks)
        .where(
          and(eq(updateLinks.organisationId, update.organisationId), eq(updateLinks.updateId, update.id)),
        );
      if (patch.links.length > 0)
        await tx
          .insert(updateLinks)
          .values(patch.links.map((l, position) => ({ ...ids, type: l.type, targetId: l.id, position })));
    }
    const [row] = await tx
      .update(updates)
      .set({
        title,
        body,
        version: textChanged ? update.version + 1 : update.version,
        urgency: patch.urgency ?? update.urgency,
        ...(patch.decisionDue !== undefined
          ? { decisionDue: patch.decisionDue === null ? null : new Date(patch.decisionDue) }
          : {}),
        editedAt: now,
      })
      .where(and(eq(updates.id, update.id), eq(updates.organisationId, update.organisationId)))
      .returning();
    if (!row) throw notFound("Update");
    await publishUpdateChanged(tx, deps, row);
    return row;
  });
  return presentUpdate(deps.db, deps, actor, await updateFor(deps.db, actor, updated.id));
}

/**
 * DELETE /updates/:id: its author, or an admin moderating — who may remove an update without being
 * able to read it, so it is loaded without the read check; anyone else who can read it gets 403, and
 * who cannot, 404. Everything of the thread goes with it (foreign keys cascade), a video's recording too.
 */
export async function deleteUpdate(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [update] = await tx
      .select()
      .from(updates)
      .where(and(eq(updates.id, id), eq(updates.organisationId, actor.organisationId)))
      .for("update");
    if (!update) throw notFound("Update");
    const facts = { authorOf: update.authorId === actor.personId };
    if (!may(actor, "update.delete", facts)) {
      await updateFor(tx, actor, id); // 404 to whoever may not even read it
      authorize(actor, "update.delete", facts);
    }
    const personIds = await recipientsOf(tx, update);
    await tx.delete(updates).where(and(eq(updates.id, id), eq(updates.organisationId, actor.organisationId)));
    // A video's file goes with it (a job removes the files once this commits).
    if (update.recordingId) await releaseRecordings(tx, deps, actor.organisationId, [update.recordingId]);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "update.deleted",
      targetType: "update",
      targetId: id,
      // No title: admins read the audit log, and may not read a conversation between named people.
      data: { kind: update.kind, authorId: update.authorId },
    });
    await deps.events.publish(tx, updateChanged(actor.organisationId, id, personIds));
  });
}

/**
 * POST /updates/:id/seen: the first opening is recorded once (again changes nothing). The author's
 * own opening is not "seen by"; when a row is added the author is told live, nobody else.
 */
export async function markSeen(deps: Deps, actor: Actor, id: string): Promise<void> {
  const { update, facts } = await updateFor(deps.db, actor, id);
  if (facts.authorOf) return;
  await deps.db.transaction(async (tx) => {
    const added = await tx
      .insert(updateSeen)
      .values({
        updateId: update.id,
        organisationId: update.organisationId,
        personId: actor.personId,
        at: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ personId: updateSeen.personId });
    if (added.length > 0)
      await deps.events.publish(tx, updateChanged(update.organisationId, update.id, [update.authorId]));
  });
}
