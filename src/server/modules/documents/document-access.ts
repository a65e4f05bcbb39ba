import { and, eq, sql } from "drizzle-orm";
import { documentChanged } from "../../../contracts/events";
import { type Action, may } from "../../../core/access";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { notFound } from "../../platform/errors";
import { type Actor, authorize } from "../../platform/http/actor";
import { people } from "../people/people.table";
import { documents } from "./documents.table";
import { documentVisibleTo } from "./documents.visibility";

export type DocumentRow = typeof documents.$inferSelect;

/** A document the actor may read, with the relationships the access map asks about. */
export interface DocumentAccess {
  document: DocumentRow;
  facts: { authorOf: boolean; recipientOf: boolean };
}

/**
 * The one door to a document: loads one of the actor's organisation that the actor may read (its
 * owner, or someone it is shared with), else 404 "Document not found" — admins and HR included, as
 * for updates. With `action`, also 403 unless the actor may do it. `forUpdate` locks the row for the
 * transaction (a save's version check). `document.delete` is the one action admins hold without
 * reading: pass `{ administer: true }` to find the row for it without the read check.
 */
export async function documentFor(
  db: Executor,
  actor: Actor,
  documentId: string,
  action?: Action,
  options: { forUpdate?: boolean; administer?: boolean } = {},
): Promise<DocumentAccess> {
  const query = db
    .select({ document: documents, recipientOf: documentVisibleTo(actor.personId) })
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.organisationId, actor.organisationId)));
  const [row] = options.forUpdate ? await query.for("update", { of: documents }) : await query;
  if (!row) throw notFound("Document");
  const facts = { authorOf: row.document.ownerId === actor.personId, recipientOf: Boolean(row.recipientOf) };
  const readable = may(actor, "document.read", facts);
  if (!readable && !(options.administer && action && may(actor, action, facts))) throw notFound("Document");
  if (action) authorize(actor, action, facts as never);
  return { document: row.document, facts };
}

/** Everyone a document is shared with, owner included (active people): for notices and live events. */
export async function readersOf(db: Executor, document: DocumentRow): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(documents, eq(documents.id, document.id))
    .where(
      and(
        eq(people.organisationId, document.organisationId),
        eq(people.active, true),
        documentVisibleTo(sql`${people.id}`),
      ),
    );
  return rows.map((r) => r.id);
}

/** Tells the document's readers it changed (live event, last in the transaction). */
export async function publishDocumentChanged(
  tx: Executor,
  deps: Pick<Deps, "events">,
  document: DocumentRow,
) {
  const personIds = document.audienceOrganisation ? undefined : await readersOf(tx, document);
  await deps.events.publish(tx, documentChanged(document.organisationId, document.id, personIds));
}
