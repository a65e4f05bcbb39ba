import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { type linkView, REACTIONS, type reactionView } from "../../../contracts/updates";
import type { Executor } from "../../platform/db/types";
import { visibleDocuments } from "../documents";
import { meetings } from "../meetings/meetings.table";
import { meetingVisibleTo } from "../meetings/meetings.visibility";
import { people } from "../people/people.table";
import {
  updateAcknowledgements,
  updateComments,
  updateLinks,
  updateReactions,
  updateResponses,
  updateSeen,
  updateVersions,
} from "./updates.table";

/** One thread's parts, each read with its people's names; `ref` scopes every query to the organisation. */
interface Ref {
  organisationId: string;
  updateId: string;
}

const name = people.name;

export type ReactionView = z.infer<typeof reactionView>;
type LinkView = z.infer<typeof linkView>;

export const commentsOf = (db: Executor, ref: Ref) =>
  db
    .select({
      id: updateComments.id,
      parentId: updateComments.parentId,
      authorId: updateComments.authorId,
      authorName: name,
      body: updateComments.body,
      createdAt: updateComments.createdAt,
      atMs: updateComments.atMs,
    })
    .from(updateComments)
    .innerJoin(people, eq(people.id, updateComments.authorId))
    .where(
      and(eq(updateComments.organisationId, ref.organisationId), eq(updateComments.updateId, ref.updateId)),
    )
    .orderBy(asc(updateComments.createdAt), asc(updateComments.id));

/**
 * The reactions grouped per emoji in the fixed order of the set, each with who gave it (first first)
 * and whether the viewer did: the thread's view and the reaction toggle answer the same.
 */
export async function reactionsOf(db: Executor, ref: Ref, viewerId: string): Promise<ReactionView[]> {
  const rows = await db
    .select({ emoji: updateReactions.emoji, personId: updateReactions.personId, name })
    .from(updateReactions)
    .innerJoin(people, eq(people.id, updateReactions.personId))
    .where(
      and(eq(updateReactions.organisationId, ref.organisationId), eq(updateReactions.updateId, ref.updateId)),
    )
    .orderBy(asc(updateReactions.at), asc(people.name));
  return REACTIONS.flatMap((emoji) => {
    const given = rows.filter((r) => r.emoji === emoji);
    if (given.length === 0) return [];
    return [
      {
        emoji,
        count: given.length,
        people: given.map((r) => ({ personId: r.personId, name: r.name })),
        mine: given.some((r) => r.personId === viewerId),
      },
    ];
  });
}

export const acknowledgementsOf = (db: Executor, ref: Ref) =>
  db
    .select({ personId: updateAcknowledgements.personId, name, at: updateAcknowledgements.at })
    .from(updateAcknowledgements)
    .innerJoin(people, eq(people.id, updateAcknowledgements.personId))
    .where(
      and(
        eq(updateAcknowledgements.organisationId, ref.organisationId),
        eq(updateAcknowledgements.updateId, ref.updateId),
      ),
    )
    .orderBy(asc(updateAcknowledgements.at));

export const seenOf = (db: Executor, ref: Ref) =>
  db
    .select({ personId: updateSeen.personId, name, at: updateSeen.at })
    .from(updateSeen)
    .innerJoin(people, eq(people.id, updateSeen.personId))
    .where(and(eq(updateSeen.organisationId, ref.organisationId), eq(updateSeen.updateId, ref.updateId)))
    .orderBy(asc(updateSeen.at));

export const responsesOf = (db: Executor, ref: Ref) =>
  db
    .select({
      personId: updateResponses.personId,
      name,
      stance: updateResponses.stance,
      comment: updateResponses.comment,
      at: updateResponses.at,
    })
    .from(updateResponses)
    .innerJoin(people, eq(people.id, updateResponses.personId))
    .where(
      and(eq(updateResponses.organisationId, ref.organisationId), eq(updateResponses.updateId, ref.updateId)),
    )
    .orderBy(asc(updateResponses.at));

/** Earlier versions, newest first, with the editor's name. */
export const versionsOf = (db: Executor, ref: Ref) =>
  db
    .select({
      version: updateVersions.version,
      title: updateVersions.title,
      body: updateVersions.body,
      editedBy: name,
      at: updateVersions.at,
    })
    .from(updateVersions)
    .innerJoin(people, eq(people.id, updateVersions.editedBy))
    .where(
      and(eq(updateVersions.organisationId, ref.organisationId), eq(updateVersions.updateId, ref.updateId)),
    )
    .orderBy(desc(updateVersions.version));

/**
 * The links in order, each with its target's current title — but only for a viewer who may see the
 * target: a meeting they were not invited to keeps its place under a neutral title, and a document
 * they may not read is left out altogether (its title may be private, and there is nothing to open).
 */
export async function linksOf(db: Executor, ref: Ref, viewerId: string): Promise<LinkView[]> {
  const links = await db
    .select({ type: updateLinks.type, id: updateLinks.targetId })
    .from(updateLinks)
    .where(and(eq(updateLinks.organisationId, ref.organisationId), eq(updateLinks.updateId, ref.updateId)))
    .orderBy(asc(updateLinks.position));
  const idsOf = (type: string) => links.filter((l) => l.type === type).map((l) => l.id);
  const meetingIds = idsOf("meeting");
  const viewer = { organisationId: ref.organisationId, personId: viewerId };
  const [titles, documents] = await Promise.all([
    meetingIds.length === 0
      ? []
      : db
          .select({ id: meetings.id, title: meetings.title })
          .from(meetings)
          .where(
            and(
              eq(meetings.organisationId, ref.organisationId),
              inArray(meetings.id, meetingIds),
              meetingVisibleTo(viewerId),
            ),
          ),
    visibleDocuments(db, viewer, idsOf("document")),
  ]);
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  return links.flatMap((l): LinkView[] => {
    if (l.type === "document") {
      const document = documents.get(l.id);
      return document ? [{ type: l.type, id: l.id, title: document.title }] : [];
    }
    return [{ type: l.type, id: l.id, title: titleOf.get(l.id) ?? "A meeting you were not invited to" }];
  });
}
