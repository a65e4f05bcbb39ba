import { and, eq, sql } from "drizzle-orm";
import type { Deps } from "../../deps";
import { conflict, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { type References, resolveReferences } from "../documents";
import { assertNotCancelled, meetingFor, publishMeetingChanged } from "./meeting-access";
import { meetingPrivateNotes, meetings } from "./meetings.table";

/**
 * The shared notes as the page shows them: the markdown, its sanitised HTML (`[[Title]]` and pasted
 * links resolved for the reader) and the version to edit.
 */
export const presentNotes = (row: { notesBody: string; notesVersion: number }, references: References) => ({
  body: row.notesBody,
  html: renderMarkdown(row.notesBody, references),
  version: row.notesVersion,
});

/**
 * Saves the shared notes when `baseVersion` is still the current one, in one conditional UPDATE: of
 * two writers from the same version exactly one wins; the other gets 409 `conflict` with the notes
 * as they now are (`details.notes`), never a silent overwrite.
 */
export async function saveNotes(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  input: { body: string; baseVersion: number },
) {
  return deps.db.transaction(async (tx) => {
    const access = await meetingFor(tx, actor, meetingId, "meeting.contribute");
    assertNotCancelled(access.meeting, "its notes can no longer change");
    const meeting = and(eq(meetings.organisationId, actor.organisationId), eq(meetings.id, meetingId));
    const [saved] = await tx
      .update(meetings)
      .set({
        notesBody: input.body,
        notesVersion: sql`${meetings.notesVersion} + 1`,
        updatedAt: deps.clock.now(),
      })
      .where(and(meeting, eq(meetings.notesVersion, input.baseVersion)))
      .returning({ notesBody: meetings.notesBody, notesVersion: meetings.notesVersion });
    if (!saved) {
      const [current] = await tx
        .select({ notesBody: meetings.notesBody, notesVersion: meetings.notesVersion })
        .from(meetings)
        .where(meeting);
      if (!current) throw notFound("Meeting");
      const references = await resolveReferences(tx, actor, [current.notesBody], deps.config.publicUrl);
      throw conflict(
        `Someone changed these notes since you opened them (now version ${current.notesVersion}): ` +
          "your text was not saved; here are the current notes to merge it with",
        { notes: presentNotes(current, references) },
      );
    }
    const references = await resolveReferences(tx, actor, [saved.notesBody], deps.config.publicUrl);
    await publishMeetingChanged(tx, deps, access);
    return presentNotes(saved, references);
  });
}

type PrivateNoteRow = typeof meetingPrivateNotes.$inferSelect;

const presentPrivate = (row: PrivateNoteRow | undefined) => ({
  body: row?.body ?? "",
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

const ownNote = (actor: Actor, meetingId: string) =>
  and(
    eq(meetingPrivateNotes.organisationId, actor.organisationId),
    eq(meetingPrivateNotes.meetingId, meetingId),
    eq(meetingPrivateNotes.personId, actor.personId),
  );

/**
 * The actor's own private notes on a meeting they may see (empty until written). Only the actor's
 * row is ever read: nobody — HR, admins, the organiser — reads another person's through any route.
 */
export async function myPrivateNotes(deps: Deps, actor: Actor, meetingId: string) {
  await meetingFor(deps.db, actor, meetingId);
  const [row] = await deps.db.select().from(meetingPrivateNotes).where(ownNote(actor, meetingId));
  if (row) authorize(actor, "privateNote.read", { authorOf: row.personId === actor.personId });
  return presentPrivate(row);
}

export async function savePrivateNotes(deps: Deps, actor: Actor, meetingId: string, body: string) {
  return deps.db.transaction(async (tx) => {
    await meetingFor(tx, actor, meetingId);
    const updatedAt = deps.clock.now();
    const [row] = await tx
      .insert(meetingPrivateNotes)
      .values({
        meetingId,
        personId: actor.personId,
        organisationId: actor.organisationId,
        body,
        updatedAt,
      })
      .onConflictDoUpdate({
        target: [meetingPrivateNotes.meetingId, meetingPrivateNotes.personId],
        set: { body, updatedAt },
      })
      .returning();
    return presentPrivate(row);
  });
}
