import { and, desc, eq } from "drizzle-orm";
import type { DiffPart, DocumentVersionDetailView, DocumentVersionView } from "../../../contracts/documents";
import { documentDiff } from "../../../core/documents";
import type { Deps } from "../../deps";
import type { Executor } from "../../platform/db/types";
import { AppError } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { renderMarkdown } from "../../platform/markdown";
import { nameOf } from "../people";
import { people } from "../people/people.table";
import { type VersionTable, versionOf } from "../versioning";
import { type DocumentRow, documentFor } from "./document-access";
import { documentVersions } from "./documents.table";
import { resolveReferences } from "./references";

/** Documents' versions for the shared versioning piece (append n+1 under the unique index). */
export const DOCUMENT_VERSIONS: VersionTable<typeof documentVersions> = {
  table: documentVersions,
  organisationId: "organisationId",
  documentId: "documentId",
  version: "version",
  name: "Document",
  what: "this document",
};

type VersionRow = typeof documentVersions.$inferSelect;

const versionMissing = (n: number) => new AppError("not_found", `Version ${n} of this document not found`);

/** GET /documents/:id/versions: every version, the latest first, without their text. */
export async function listDocumentVersions(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<{ versions: DocumentVersionView[] }> {
  const { document } = await documentFor(deps.db, actor, id);
  const rows = await deps.db
    .select({
      version: documentVersions.version,
      title: documentVersions.title,
      summary: documentVersions.summary,
      authorId: documentVersions.authorId,
      name: people.name,
      at: documentVersions.at,
    })
    .from(documentVersions)
    .leftJoin(people, eq(people.id, documentVersions.authorId))
    .where(
      and(
        eq(documentVersions.organisationId, document.organisationId),
        eq(documentVersions.documentId, document.id),
      ),
    )
    .orderBy(desc(documentVersions.version));
  return {
    versions: rows.map((r) => ({
      version: r.version,
      title: r.title,
      summary: r.summary,
      author: { personId: r.authorId, name: r.name ?? "Someone" },
      at: r.at.toISOString(),
    })),
  };
}

async function requireVersion(db: Executor, document: DocumentRow, n: number): Promise<VersionRow> {
  const row = await versionOf(
    db,
    DOCUMENT_VERSIONS,
    { organisationId: document.organisationId, documentId: document.id },
    n,
  );
  if (!row) throw versionMissing(n);
  return row;
}

/** GET /documents/:id/versions/:version: one version with its text, rendered. */
export async function getDocumentVersion(
  deps: Deps,
  actor: Actor,
  id: string,
  n: number,
): Promise<DocumentVersionDetailView> {
  const { document } = await documentFor(deps.db, actor, id);
  const row = await requireVersion(deps.db, document, n);
  return {
    version: row.version,
    title: row.title,
    summary: row.summary,
    author: { personId: row.authorId, name: await nameOf(deps.db, document.organisationId, row.authorId) },
    at: row.at.toISOString(),
    body: row.body,
    html: renderMarkdown(
      row.body,
      await resolveReferences(deps.db, actor, [row.body], deps.config.publicUrl),
    ),
  };
}

/** GET /documents/:id/diff?from=&to=: the word-level diff of two versions (either order, or the same). */
export async function diffVersions(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from: number; to: number },
): Promise<{ diff: DiffPart[]; from: number; to: number }> {
  const { document } = await documentFor(deps.db, actor, id);
  const from = await requireVersion(deps.db, document, range.from);
  const to = range.to === range.from ? from : await requireVersion(deps.db, document, range.to);
  return { diff: documentDiff(from, to), from: range.from, to: range.to };
}
