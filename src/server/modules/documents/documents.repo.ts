import { and, arrayContains, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/types";
import { people } from "../people/people.table";
import { teamNamesOf } from "../teams";
import type { DocumentRow } from "./document-access";
import { documentAudience, documentDrafts, documents } from "./documents.table";
import { documentVisibleTo } from "./documents.visibility";

export interface ListFilter {
  organisationId: string;
  viewerId: string;
  tag?: string | undefined;
  teamId?: string | undefined;
  q?: string | undefined;
  limit: number;
}

/**
 * The title words of `q` as a prefix tsquery over the title's lexemes (weight A of the generated
 * `search_vector`, GIN-indexed): "road pla" → `road:*A & pla:*A`. Only letters and digits are kept,
 * so nothing typed can be tsquery syntax; null when no word is left.
 */
export function titlePrefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
  return words.length === 0 ? null : words.map((w) => `${w}:*A`).join(" & ");
}

/** The documents the viewer may read, recently edited first, filtered by tag, team and title words. */
export async function listRows(db: Executor, filter: ListFilter): Promise<DocumentRow[]> {
  const conditions: SQL[] = [
    eq(documents.organisationId, filter.organisationId),
    documentVisibleTo(filter.viewerId),
  ];
  if (filter.tag) conditions.push(arrayContains(documents.tags, [filter.tag]));
  if (filter.teamId) conditions.push(eq(documents.audienceTeamId, filter.teamId));
  const words = filter.q ? titlePrefixQuery(filter.q) : null;
  if (words) conditions.push(sql`"documents"."search_vector" @@ to_tsquery('simple', ${words})`);
  return db
    .select()
    .from(documents)
    .where(and(...conditions))
    .orderBy(desc(documents.updatedAt), desc(documents.id))
    .limit(filter.limit);
}

/** Each tag of the documents the viewer may read, with how many carry it: most used first. */
export async function tagCounts(
  db: Executor,
  organisationId: string,
  viewerId: string,
): Promise<{ tag: string; count: number }[]> {
  const tagged = db
    .select({ tag: sql<string>`unnest(${documents.tags})`.as("tag") })
    .from(documents)
    .where(and(eq(documents.organisationId, organisationId), documentVisibleTo(viewerId)))
    .as("tagged");
  const rows = await db
    .select({ tag: tagged.tag, count: sql<number>`count(*)::int` })
    .from(tagged)
    .groupBy(tagged.tag)
    .orderBy(sql`count(*) desc`, tagged.tag);
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

export interface SummaryParts {
  names: Map<string, string>;
  teamNames: Map<string, string>;
  audience: Map<string, { personId: string; name: string }[]>;
}

/** Names of owners and editors, team names and named audiences of `rows`: three queries for any page. */
export async function summaryParts(
  db: Executor,
  organisationId: string,
  rows: readonly DocumentRow[],
): Promise<SummaryParts> {
  const ids = rows.map((r) => r.id);
  const personIds = [...new Set(rows.flatMap((r) => [r.ownerId, r.updatedBy]))];
  const teamIds = [...new Set(rows.flatMap((r) => (r.audienceTeamId ? [r.audienceTeamId] : [])))];
  const [names, teamRows, audienceRows] = await Promise.all([
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), inArray(people.id, personIds))),
    teamNamesOf(db, organisationId, teamIds),
    db
      .select({ documentId: documentAudience.documentId, personId: people.id, name: people.name })
      .from(documentAudience)
      .innerJoin(people, eq(people.id, documentAudience.personId))
      .where(
        and(eq(documentAudience.organisationId, organisationId), inArray(documentAudience.documentId, ids)),
      )
      .orderBy(people.name),
  ]);
  const audience = new Map<string, { personId: string; name: string }[]>();
  for (const a of audienceRows)
    audience.set(a.documentId, [
      ...(audience.get(a.documentId) ?? []),
      { personId: a.personId, name: a.name },
    ]);
  return {
    names: new Map(names.map((p) => [p.id, p.name])),
    teamNames: new Map(teamRows.map((t) => [t.id, t.name])),
    audience,
  };
}

export type DraftRow = typeof documentDrafts.$inferSelect;

/** The person's own draft of the document (the row's where). */
const ownDraft = (document: Pick<DocumentRow, "id" | "organisationId">, personId: string) =>
  and(
    eq(documentDrafts.organisationId, document.organisationId),
    eq(documentDrafts.documentId, document.id),
    eq(documentDrafts.personId, personId),
  );

/** The person's own draft of the document, or null. */
export async function draftOf(
  db: Executor,
  document: DocumentRow,
  personId: string,
): Promise<DraftRow | null> {
  const [row] = await db.select().from(documentDrafts).where(ownDraft(document, personId));
  return row ?? null;
}

/** Drops the person's own draft of the document (none is fine): a version saved, or the draft discarded. */
export async function deleteOwnDraft(
  db: Executor,
  document: Pick<DocumentRow, "id" | "organisationId">,
  personId: string,
): Promise<void> {
  await db.delete(documentDrafts).where(ownDraft(document, personId));
}

/** Replaces the document's named audience (create, or the owner's change). */
export async function setNamedAudience(
  db: Executor,
  document: Pick<DocumentRow, "id" | "organisationId">,
  personIds: readonly string[],
): Promise<void> {
  await db
    .delete(documentAudience)
    .where(
      and(
        eq(documentAudience.organisationId, document.organisationId),
        eq(documentAudience.documentId, document.id),
      ),
    );
  if (personIds.length > 0)
    await db.insert(documentAudience).values(
      personIds.map((personId) => ({
        documentId: document.id,
        organisationId: document.organisationId,
        personId,
      })),
    );
}

/** The named audience's ids (to tell whether a save changes it). */
export async function namedAudienceOf(db: Executor, document: DocumentRow): Promise<string[]> {
  const rows = await db
    .select({ personId: documentAudience.personId })
    .from(documentAudience)
    .where(
      and(
        eq(documentAudience.organisationId, document.organisationId),
        eq(documentAudience.documentId, document.id),
      ),
    );
  return rows.map((r) => r.personId);
}
