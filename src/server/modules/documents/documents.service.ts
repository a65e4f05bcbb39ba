import { and, eq } from "drizzle-orm";
import type {
  ConflictDetails,
  CreateDocumentBody,
  DocumentListQuery,
  DocumentSummaryView,
  DocumentView,
  SaveDocumentBody,
} from "../../../contracts/documents";
import { documentChanged } from "../../../contracts/events";
import type { AudienceInput } from "../../../contracts/updates";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { conflict, notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { recordAudit } from "../audit";
import { activePeopleOf, nameOf } from "../people";
import { assertTeamOf } from "../teams";
import { updateLinks } from "../updates/updates.table";
import { appendVersion } from "../versioning";
import { type DocumentRow, documentFor, publishDocumentChanged, readersOf } from "./document-access";
import { presentDocument, presentSummaries } from "./documents.present";
import { deleteOwnDraft, listRows, namedAudienceOf, setNamedAudience, tagCounts } from "./documents.repo";
import { documents } from "./documents.table";
import { DOCUMENT_VERSIONS } from "./versions";

const DEFAULT_LIST = 100;

/**
 * 400 naming the field unless the audience's team is one of the organisation's and its named people
 * are active people of it (someone of another organisation is simply "no such person" here).
 */
async function assertAudience(db: Executor, organisationId: string, audience: AudienceInput): Promise<void> {
  if (audience.teamId) await assertTeamOf(db, organisationId, audience.teamId, "audience.teamId");
  await activePeopleOf(db, organisationId, audience.personIds ?? [], "audience.personIds");
}

/** POST /documents: version 1, shared with its audience, owned by its writer. */
export async function createDocument(
  deps: Deps,
  actor: Actor,
  input: CreateDocumentBody,
): Promise<DocumentView> {
  await assertAudience(deps.db, actor.organisationId, input.audience);
  const created = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [row] = await tx
      .insert(documents)
      .values({
        organisationId: actor.organisationId,
        ownerId: actor.personId,
        title: input.title,
        body: input.body,
        tags: input.tags ?? [],
        version: 1,
        audienceOrganisation: input.audience.organisation === true,
        audienceTeamId: input.audience.teamId ?? null,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.personId,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await setNamedAudience(tx, row, [...new Set(input.audience.personIds ?? [])]);
    await appendVersion(
      tx,
      DOCUMENT_VERSIONS,
      { organisationId: row.organisationId, documentId: row.id },
      (_, version) => ({
        documentId: row.id,
        organisationId: row.organisationId,
        version,
        title: row.title,
        body: row.body,
        summary: null,
        authorId: actor.personId,
        at: now,
      }),
    );
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "document.created",
      targetType: "document",
      targetId: row.id,
      // No title: admins read the audit log, and may not read a document shared with named people.
      data: { version: 1 },
    });
    await publishDocumentChanged(tx, deps, row);
    return row;
  });
  return presentDocument(
    deps.db,
    actor,
    await documentFor(deps.db, actor, created.id),
    deps.config.publicUrl,
  );
}

/** GET /documents: summaries of what the viewer may read, recently edited first. */
export async function listDocuments(
  deps: Deps,
  actor: Actor,
  query: DocumentListQuery,
): Promise<{ documents: DocumentSummaryView[] }> {
  const rows = await listRows(deps.db, {
    organisationId: actor.organisationId,
    viewerId: actor.personId,
    tag: query.tag,
    teamId: query.teamId,
    q: query.q,
    limit: query.limit ?? DEFAULT_LIST,
  });
  return { documents: await presentSummaries(deps.db, actor.organisationId, rows) };
}

/** GET /documents/tags: the tags of what the viewer may read, with their counts. */
export async function listTags(deps: Deps, actor: Actor) {
  return { tags: await tagCounts(deps.db, actor.organisationId, actor.personId) };
}

/** GET /documents/:id. Never writes. */
export async function getDocument(deps: Deps, actor: Actor, id: string): Promise<DocumentView> {
  return presentDocument(deps.db, actor, await documentFor(deps.db, actor, id), deps.config.publicUrl);
}

/** The 409 of a save based on an old version: the current version, for the merge view. */
async function staleSave(db: Executor, document: DocumentRow) {
  const details: ConflictDetails = {
    current: {
      version: document.version,
      title: document.title,
      body: document.body,
      updatedBy: {
        personId: document.updatedBy,
        name: await nameOf(db, document.organisationId, document.updatedBy),
      },
      updatedAt: document.updatedAt.toISOString(),
    },
  };
  return conflict(
    `Someone saved a newer version (version ${document.version}) while you were editing; merge your changes with it and save again`,
    details,
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** Whether `audience` says something else than the document's current one. */
async function audienceChanges(
  db: Executor,
  document: DocumentRow,
  audience: AudienceInput,
): Promise<boolean> {
  if ((audience.organisation === true) !== document.audienceOrganisation) return true;
  if ((audience.teamId ?? null) !== document.audienceTeamId) return true;
  return !sameSet([...new Set(audience.personIds ?? [])], await namedAudienceOf(db, document));
}

/**
 * PUT /documents/:id: a save based on `baseVersion`, under the row's lock. A stale base answers 409
 * with the current version (nothing typed is lost: the editor merges). Otherwise version n+1, the
 * saver's draft gone. A save that changes nothing answers the document as it is (no version). Only
 * the owner changes who it is for (`document.share`).
 */
export async function saveDocument(
  deps: Deps,
  actor: Actor,
  id: string,
  input: SaveDocumentBody,
): Promise<DocumentView> {
  await deps.db.transaction(async (tx) => {
    const { document, facts } = await documentFor(tx, actor, id, "document.edit", { forUpdate: true });
    if (input.baseVersion !== document.version) throw await staleSave(tx, document);
    const share =
      input.audience && (await audienceChanges(tx, document, input.audience)) ? input.audience : undefined;
    if (share) {
      authorize(actor, "document.share", facts);
      await assertAudience(tx, actor.organisationId, share);
    }
    const title = input.title ?? document.title;
    const tags = input.tags ?? document.tags;
    const changed =
      title !== document.title ||
      input.body !== document.body ||
      share !== undefined ||
      !sameSet(tags, document.tags);
    await deleteOwnDraft(tx, document, actor.personId);
    if (!changed) return;
    // Who could read it before hears of the change too: someone it is no longer shared with drops it.
    const before = !share ? [] : document.audienceOrganisation ? undefined : await readersOf(tx, document);
    const now = deps.clock.now();
    const ref = { organisationId: document.organisationId, documentId: document.id };
    const appended = await appendVersion(tx, DOCUMENT_VERSIONS, ref, (_, version) => ({
      ...ref,
      version,
      title,
      body: input.body,
      summary: input.summary || null,
      authorId: actor.personId,
      at: now,
    }));
    const [row] = await tx
      .update(documents)
      .set({
        title,
        body: input.body,
        tags,
        version: appended.version,
        updatedAt: now,
        updatedBy: actor.personId,
        ...(share
          ? { audienceOrganisation: share.organisation === true, audienceTeamId: share.teamId ?? null }
          : {}),
      })
      .where(and(eq(documents.id, document.id), eq(documents.organisationId, document.organisationId)))
      .returning();
    if (!row) throw notFound("Document");
    if (!share) return publishDocumentChanged(tx, deps, row);
    await setNamedAudience(tx, row, [...new Set(share.personIds ?? [])]);
    const after = row.audienceOrganisation ? undefined : await readersOf(tx, row);
    await deps.events.publish(
      tx,
      documentChanged(
        row.organisationId,
        row.id,
        before && after ? [...new Set([...before, ...after])] : undefined,
      ),
    );
  });
  return presentDocument(deps.db, actor, await documentFor(deps.db, actor, id), deps.config.publicUrl);
}

/**
 * DELETE /documents/:id: its owner, or an admin moderating — who may remove a document without
 * being able to read it; anyone else who can read it gets 403, and who cannot, 404. Its versions,
 * drafts, audience and pre-read rows cascade; updates' links to it (no foreign key) go in the same
 * transaction.
 */
export async function deleteDocument(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { document } = await documentFor(tx, actor, id, "document.delete", {
      administer: true,
      forUpdate: true,
    });
    const personIds = document.audienceOrganisation ? undefined : await readersOf(tx, document);
    await tx
      .delete(updateLinks)
      .where(
        and(
          eq(updateLinks.organisationId, document.organisationId),
          eq(updateLinks.type, "document"),
          eq(updateLinks.targetId, document.id),
        ),
      );
    await tx
      .delete(documents)
      .where(and(eq(documents.id, document.id), eq(documents.organisationId, document.organisationId)));
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.personId,
      action: "document.deleted",
      targetType: "document",
      targetId: document.id,
      data: { ownerId: document.ownerId, version: document.version },
    });
    await deps.events.publish(tx, documentChanged(document.organisationId, document.id, personIds));
  });
}
