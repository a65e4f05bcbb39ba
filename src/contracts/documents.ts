import { z } from "zod";
import { idParams, text, uuid } from "./common";
import { DOCUMENT_MAX } from "./markdown";
import { audienceInput, audienceView } from "./updates";

/** Issue 13: shared documents — versions, diffs, merges on conflict, links and "used in". */

export const MAX_TAGS = 10;
export const TAG_MAX_CHARS = 40;
export const SUMMARY_MAX_CHARS = 300;

const title = text().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const body = text().max(DOCUMENT_MAX, `must be at most ${DOCUMENT_MAX} characters`);
const tag = text()
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(TAG_MAX_CHARS, `must be at most ${TAG_MAX_CHARS} characters`)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _\-/.]*$/u, "may hold letters, digits, spaces, - _ / and . only");
const tags = z
  .array(tag)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((list) => [...new Set(list)]);
const summary = text().trim().max(SUMMARY_MAX_CHARS, `must be at most ${SUMMARY_MAX_CHARS} characters`);
const version = z.coerce.number().int("must be a whole number").min(1, "must be 1 or more");

/** `POST /documents`: audience as on updates (a team, named people and/or the organisation). */
export const createDocumentBody = z.strictObject({
  title,
  body,
  audience: audienceInput,
  tags: tags.optional(),
});
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

/** `PUT /documents/:id`: a save based on `baseVersion`; 409 with the current version when it is old. */
export const saveDocumentBody = z.strictObject({
  title: title.optional(),
  body,
  baseVersion: version,
  summary: summary.optional(),
  /** Optional here too: who it is for and its tags may change with a save. */
  audience: audienceInput.optional(),
  tags: tags.optional(),
});
export type SaveDocumentBody = z.infer<typeof saveDocumentBody>;

/** `PUT /documents/:id/draft`: the editor's autosave, the viewer's own until saved as a version. */
export const draftBody = z.strictObject({ title, body, baseVersion: version });
export type DraftBody = z.infer<typeof draftBody>;

export const documentListQuery = z.strictObject({
  tag: tag.optional(),
  teamId: uuid.optional(),
  /** Title words (prefix matching), for pickers. */
  q: text().max(200, "must be at most 200 characters").optional(),
  limit: z.coerce.number().int("must be a whole number").min(1).max(200).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;
export const documentParams = idParams;
export const diffQuery = z.strictObject({ from: version, to: version });
/** `GET /documents/:id/versions/:version`: one version with its text, for the history page. */
export const versionParams = z.strictObject({ id: uuid, version });

// ── Views ────────────────────────────────────────────────────────────────────────────────────────
const person = z.object({ personId: z.string(), name: z.string() });

export const documentSummaryView = z.object({
  id: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  owner: person,
  audience: audienceView,
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: person,
});
export type DocumentSummaryView = z.infer<typeof documentSummaryView>;

export const USED_IN_TYPES = ["meeting", "update"] as const;
/** A meeting that has it as a pre-read, or an update it is attached to (only those the viewer can see). */
export const usedInView = z.object({
  type: z.enum(USED_IN_TYPES),
  id: z.string(),
  title: z.string(),
  /** The meeting's start, or the update's posting time. */
  at: z.string(),
});
export type UsedInView = z.infer<typeof usedInView>;

export const documentVersionView = z.object({
  version: z.number(),
  title: z.string(),
  summary: z.string().nullable(),
  author: person,
  at: z.string(),
});
export type DocumentVersionView = z.infer<typeof documentVersionView>;

/** One version with its text and rendering (`GET /documents/:id/versions/:version`). */
export const documentVersionDetailView = documentVersionView.extend({ body: z.string(), html: z.string() });
export type DocumentVersionDetailView = z.infer<typeof documentVersionDetailView>;

export const draftView = z.object({
  title: z.string(),
  body: z.string(),
  baseVersion: z.number(),
  savedAt: z.string(),
});
export type DraftView = z.infer<typeof draftView>;

export const documentView = documentSummaryView.extend({
  body: z.string(),
  /** Rendered with `[[Title]]` and pasted Tandem links resolved to their current titles. */
  html: z.string(),
  createdAt: z.string(),
  usedIn: z.array(usedInView),
  /** The viewer's autosaved draft, when one is kept. */
  draft: draftView.nullable(),
  /** `share`: the owner may change who it is for (with a save). */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), share: z.boolean() }),
});
export type DocumentView = z.infer<typeof documentView>;

export const DIFF_OPS = ["equal", "insert", "delete"] as const;
export const diffPart = z.object({ op: z.enum(DIFF_OPS), text: z.string() });
export type DiffPart = z.infer<typeof diffPart>;

export const oneDocument = z.object({ document: documentView });
export const documentList = z.object({ documents: z.array(documentSummaryView) });
export const documentVersions = z.object({ versions: z.array(documentVersionView) });
export const oneDocumentVersion = z.object({ version: documentVersionDetailView });
export const documentDiff = z.object({
  /**
   * Word level (`core/documents.documentDiff`): the body's parts; when the titles differ, first the
   * title's parts and an equal blank line ("\n\n"), so each side reads "title, blank line, body".
   * Equal and deleted parts spell `from`, equal and inserted parts spell `to`; from = to is all equal.
   */
  diff: z.array(diffPart),
  from: z.number(),
  to: z.number(),
});
export const oneDraft = z.object({ draft: draftView });
/** The 409's `details`: the version the save did not see, for the merge view. */
export const conflictDetails = z.object({
  current: z.object({
    version: z.number(),
    title: z.string(),
    body: z.string(),
    updatedBy: person,
    updatedAt: z.string(),
  }),
});
export type ConflictDetails = z.infer<typeof conflictDetails>;
export const documentTags = z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number() })) });
